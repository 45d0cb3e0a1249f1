/** Reactive and blocking clients for Zilliz Cloud stages, volumes and import jobs. */
@NullMarked
package dev.stagekit.client;

import org.jspecify.annotations.NullMarked;
