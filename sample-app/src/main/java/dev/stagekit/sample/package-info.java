/** A sample Spring Boot application using the stagekit starter. */
@NullMarked
package dev.stagekit.sample;

import org.jspecify.annotations.NullMarked;
