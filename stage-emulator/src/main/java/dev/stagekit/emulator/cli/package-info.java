/**
 * Command-line entry point of the emulator jar.
 */
@NullMarked
package dev.stagekit.emulator.cli;

import org.jspecify.annotations.NullMarked;
