/** Health indicator for the Zilliz Cloud control plane. */
@NullMarked
package dev.stagekit.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
