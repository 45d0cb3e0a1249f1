/** Native-image runtime hints. */
@NullMarked
package dev.stagekit.autoconfigure.aot;

import org.jspecify.annotations.NullMarked;
