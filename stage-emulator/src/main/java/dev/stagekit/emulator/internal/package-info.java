/**
 * Emulator internals: the control-plane and data-plane servlets and their shared state. Not API.
 */
@NullMarked
package dev.stagekit.emulator.internal;

import org.jspecify.annotations.NullMarked;
