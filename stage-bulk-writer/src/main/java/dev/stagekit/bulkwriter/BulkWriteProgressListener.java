package dev.stagekit.bulkwriter;

/**
 * Receives a batch's progress events, one at a time (from the appending thread or an upload thread); an
 * exception thrown here is logged and ignored. Keep it quick: it holds up the event's thread.
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
