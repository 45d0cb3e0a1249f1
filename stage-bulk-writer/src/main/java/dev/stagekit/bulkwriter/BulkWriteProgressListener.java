package dev.stagekit.bulkwriter;

/**
 * Receives a batch's progress events, from one thread at a time; an exception thrown here is logged and
 * ignored.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface BulkWriteProgressListener {

	/**
	 * Handle one event.
	 * @param progress the progress
	 */
	void onProgress(BulkWriteProgress progress);

}
