package dev.stagekit.client.upload;

import java.nio.file.Path;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One upload of a local file or directory tree into a stage or volume.
 *
 * @param source the local file or directory
 * @param targetPath the target directory inside the stage or volume ({@code ""} for the root)
 * @param skipPolicy the skip policy, or {@code null} for the settings' default
 * @param partSize the part size in bytes, or {@code null} for the settings' default
 * @param progressListener called with throttled progress events, or {@code null}
 * @param resumable whether to keep a checkpoint and resume, or {@code null} for the settings' default
 * @since 0.1.0
 */
public record UploadRequest(Path source, String targetPath, @Nullable SkipPolicy skipPolicy, @Nullable Long partSize,
		@Nullable UploadProgressListener progressListener, @Nullable Boolean resumable) {

	public UploadRequest {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(targetPath, "targetPath");
	}

	/**
	 * Start a request.
	 * @param source the local file or directory
	 * @param targetPath the target directory inside the stage or volume
	 * @return a builder
	 */
	public static Builder builder(Path source, String targetPath) {
		return new Builder(source, targetPath);
	}

	/**
	 * Builds an {@link UploadRequest}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final Path source;

		private final String targetPath;

		private @Nullable SkipPolicy skipPolicy;

		private @Nullable Long partSize;

		private @Nullable UploadProgressListener progressListener;

		private @Nullable Boolean resumable;

		private Builder(Path source, String targetPath) {
			this.source = source;
			this.targetPath = targetPath;
		}

		/**
		 * Choose the skip policy for this upload.
		 * @param skipPolicy the policy
		 * @return this builder
		 */
		public Builder skipPolicy(SkipPolicy skipPolicy) {
			this.skipPolicy = skipPolicy;
			return this;
		}

		/**
		 * Choose the part size for this upload.
		 * @param partSize the part size in bytes (at least 5 MiB)
		 * @return this builder
		 */
		public Builder partSize(long partSize) {
			this.partSize = partSize;
			return this;
		}

		/**
		 * Receive progress events.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder progressListener(UploadProgressListener listener) {
			this.progressListener = listener;
			return this;
		}

		/**
		 * Keep a checkpoint and resume an interrupted upload of the same source and target (see
		 * {@link UploadSettings.Builder#resumable(boolean)}).
		 * @param resumable whether this upload is resumable
		 * @return this builder
		 */
		public Builder resumable(boolean resumable) {
			this.resumable = resumable;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 */
		public UploadRequest build() {
			return new UploadRequest(this.source, this.targetPath, this.skipPolicy, this.partSize,
					this.progressListener, this.resumable);
		}

	}

}
