package dev.stagekit.bulkwriter;

/**
 * A snapshot of a batch's progress.
 *
 * @param rows rows appended so far
 * @param filesWritten files finished locally
 * @param bytesWritten bytes of the finished files
 * @param filesUploaded files uploaded
 * @param bytesUploaded bytes sent to the stage or volume
 * @param done whether the batch is committed (the last event)
 * @since 0.1.0
 */
public record BulkWriteProgress(long rows, int filesWritten, long bytesWritten, int filesUploaded, long bytesUploaded,
		boolean done) {

}
