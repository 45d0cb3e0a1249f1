/** Micrometer observations of uploads. */
@NullMarked
package dev.stagekit.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
