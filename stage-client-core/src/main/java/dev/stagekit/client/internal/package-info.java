/**
 * Internals of the control plane: the one HTTP client ({@code ControlPlaneClient}: authentication,
 * envelope decoding, error mapping), the stage, volume and job implementations on it, the one job poller,
 * and the retry mechanism and failure classifier that storage requests share. Not an API: its few public
 * types are each justified in their javadoc and allow-listed by the build.
 */
@NullMarked
package dev.stagekit.client.internal;

import org.jspecify.annotations.NullMarked;
