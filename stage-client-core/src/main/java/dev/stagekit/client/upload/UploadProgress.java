package dev.stagekit.client.upload;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one upload's progress. Bytes count what the object store has been sent; bytes of a
 * retried part are counted once. Skipped files count as done.
 *
 * @param uploadedBytes bytes sent so far
 * @param totalBytes bytes to send
 * @param completedFiles files finished (uploaded or skipped)
 * @param skippedFiles files skipped by the skip policy
 * @param totalFiles files in the upload
 * @param currentFile the relative path of the file most recently started, {@code ""} when done
 * @param bytesPerSecond average speed since the upload started
 * @param elapsed time since the upload started
 * @param result the result, present only in the last event of a successful upload
 * @since 0.1.0
 */
public record UploadProgress(long uploadedBytes, long totalBytes, long completedFiles, long skippedFiles,
		long totalFiles, String currentFile, double bytesPerSecond, Duration elapsed,
		@Nullable UploadResult result) {

	/**
	 * Return the share done, from 0 to 100 (100 when there is nothing to send).
	 * @return the percentage
	 */
	public double percent() {
		if (this.totalBytes <= 0) {
			return (this.totalFiles == 0 || this.completedFiles >= this.totalFiles) ? 100.0
					: 100.0 * this.completedFiles / this.totalFiles;
		}
		return Math.min(100.0, 100.0 * this.uploadedBytes / this.totalBytes);
	}

	/**
	 * Return the estimated time left at the average speed so far, if it can be estimated.
	 * @return the estimate, or {@code null} before any byte was sent
	 */
	public @Nullable Duration estimatedTimeLeft() {
		if (isDone()) {
			return Duration.ZERO;
		}
		if (this.bytesPerSecond <= 0) {
			return null;
		}
		long left = Math.max(0, this.totalBytes - this.uploadedBytes);
		return Duration.ofMillis((long) (left * 1000.0 / this.bytesPerSecond));
	}

	/**
	 * Whether this is the last event of a successful upload.
	 * @return whether a result is present
	 */
	public boolean isDone() {
		return this.result != null;
	}

}
