/**
 * JUnit Jupiter extension that runs one emulator per test class.
 */
@NullMarked
package dev.stagekit.emulator.junit;

import org.jspecify.annotations.NullMarked;
