package dev.stagekit.client.upload.internal;

import dev.stagekit.client.Kind;
import dev.stagekit.client.internal.ApplyResult;
import dev.stagekit.client.upload.SkipPolicy;
import org.jspecify.annotations.Nullable;

/**
 * What one upload works with, decided before the first byte is sent.
 *
 * @param kind stage or volume
 * @param name the stage or volume name
 * @param target the normalised target directory
 * @param apply the apply answer (bucket, prefix, limits)
 * @param policy the skip policy
 * @param partSize the requested part size, or {@code null} to choose it per file
 * @param resumable whether multipart uploads keep checkpoints
 * @param session the credentials session
 * @param local the aborts started after a cancellation
 * @param tracker the progress
 */
record UploadPlan(Kind kind, String name, String target, ApplyResult apply, SkipPolicy policy,
		@Nullable Long partSize, boolean resumable, StorageSession session, Cleanups local, ProgressTracker tracker) {

	String bucket() {
		return this.apply.bucketName();
	}

	String keyOf(String path) {
		return this.apply.prefix() + path;
	}

}
