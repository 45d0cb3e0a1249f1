package dev.stagekit.client.upload;

/**
 * Receives throttled progress events of one upload. Called from one thread at a time, never while the
 * engine holds a lock; an exception thrown here fails the upload.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface UploadProgressListener {

	/**
	 * Handle one event.
	 * @param progress the progress so far
	 */
	void onProgress(UploadProgress progress);

}
