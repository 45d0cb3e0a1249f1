/**
 * A local stand-in for Zilliz Cloud: the stage and volume control plane, import jobs and a real
 * S3-compatible data plane, for tests, samples and benchmarks.
 */
@NullMarked
package dev.stagekit.emulator;

import org.jspecify.annotations.NullMarked;
