/** Internal engine of the Zilliz Cloud control-plane client; not a public API. */
@NullMarked
package dev.stagekit.client.internal;

import org.jspecify.annotations.NullMarked;
