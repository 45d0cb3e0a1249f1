package dev.stagekit.client.upload.internal;

import java.util.concurrent.atomic.AtomicLong;

import dev.stagekit.client.upload.internal.SourceScanner.SourceFile;
import software.amazon.awssdk.core.async.AsyncRequestBody;

/**
 * A slice of a local file, streamed from disk and counted into the progress as it is sent.
 *
 * @param file the file
 * @param position the first byte
 * @param length the byte count
 * @param tracker the progress
 * @param attempt the bytes the current attempt counted
 */
record FileSlicePart(SourceFile file, long position, long length, ProgressTracker tracker,
		AtomicLong attempt) implements PartBody {

	@Override
	public AsyncRequestBody body() {
		this.attempt.set(0);
		return new FileSliceBody(this.file, this.position, this.length, (count) -> {
			this.attempt.addAndGet(count);
			this.tracker.sent(count);
		});
	}

	@Override
	public void failedAttempt() {
		this.tracker.sent(-this.attempt.getAndSet(0));
	}

}
