package dev.stagekit.client.upload.internal;

import java.util.concurrent.atomic.AtomicLong;

import dev.stagekit.client.upload.internal.SourceScanner.SourceFile;
import dev.stagekit.client.upload.internal.StreamChunker.Chunk;
import software.amazon.awssdk.core.async.AsyncRequestBody;

/**
 * The bytes of one request, whatever their source: a slice of a local file (streamed from disk, counted
 * into the progress, checked against changes of the file) or a chunk of a stream (held in memory). The one
 * PUT and part path sends either.
 */
sealed interface PartBody permits FileSlicePart, StreamChunkPart {

	/**
	 * The byte count.
	 * @return the length
	 */
	long length();

	/**
	 * A fresh body for one attempt.
	 * @return the body
	 */
	AsyncRequestBody body();

	/** Called after a failed attempt: bytes it counted as sent are taken back. */
	void failedAttempt();

	static PartBody of(SourceFile file, long position, long length, ProgressTracker tracker) {
		return new FileSlicePart(file, position, length, tracker, new AtomicLong());
	}

	static PartBody of(Chunk chunk) {
		return new StreamChunkPart(chunk);
	}

}
