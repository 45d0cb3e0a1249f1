/**
 * Test support: a {@link dev.stagekit.emulator.ZillizCloudEmulator} bean becomes the application's Zilliz
 * Cloud.
 */
@NullMarked
package dev.stagekit.test;

import org.jspecify.annotations.NullMarked;
