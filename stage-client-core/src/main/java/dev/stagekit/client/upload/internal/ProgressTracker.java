package dev.stagekit.client.upload.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.stagekit.client.upload.UploadProgress;
import dev.stagekit.client.upload.UploadResult;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Counts one upload's progress with atomics (workers never wait for each other or for listeners) and
 * turns it into a throttled event stream: a snapshot at most every interval, only when something moved,
 * then the final event carrying the result. Events are emitted from a single scheduler worker, so a
 * listener is never called concurrently and never while the engine holds a lock.
 */
final class ProgressTracker {

	private final AtomicLong sentBytes = new AtomicLong();

	private final AtomicLong totalBytes;

	private final AtomicLong totalFiles;

	private final AtomicLong completedFiles = new AtomicLong();

	private final AtomicLong skippedFiles = new AtomicLong();

	private final long started = System.nanoTime();

	private volatile String currentFile = "";

	/**
	 * Start counting.
	 * @param totalFiles files expected
	 * @param totalBytes bytes expected
	 */
	ProgressTracker(long totalFiles, long totalBytes) {
		this.totalFiles = new AtomicLong(totalFiles);
		this.totalBytes = new AtomicLong(totalBytes);
	}

	void started(String relativePath) {
		this.currentFile = relativePath;
	}

	void sent(long bytes) {
		this.sentBytes.addAndGet(bytes);
	}

	void completed() {
		this.completedFiles.incrementAndGet();
	}

	void skipped(long size) {
		this.totalBytes.addAndGet(-size);
		this.skippedFiles.incrementAndGet();
		this.completedFiles.incrementAndGet();
	}

	void expect(long files, long bytes) {
		this.totalFiles.set(files);
		this.totalBytes.set(bytes);
	}

	long sentBytes() {
		return this.sentBytes.get();
	}

	Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.started);
	}

	/**
	 * Take a snapshot.
	 * @param result the result for the final event, else {@code null}
	 * @return the snapshot
	 */
	UploadProgress snapshot(@Nullable UploadResult result) {
		long sent = this.sentBytes.get();
		Duration elapsed = elapsed();
		double seconds = elapsed.toNanos() / 1e9;
		double speed = (seconds > 0) ? sent / seconds : 0;
		return new UploadProgress(sent, Math.max(sent, this.totalBytes.get()), this.completedFiles.get(),
				this.skippedFiles.get(), this.totalFiles.get(), (result != null) ? "" : this.currentFile, speed,
				elapsed, result);
	}

	/**
	 * Run an upload and report its progress: throttled snapshots, then the final one with the result.
	 * Cancelling the returned flux cancels the upload.
	 * @param work the upload
	 * @param interval the least time between two events
	 * @return the events
	 */
	Flux<UploadProgress> report(Mono<UploadResult> work, Duration interval) {
		return Flux.create((sink) -> {
			Scheduler.Worker worker = Schedulers.parallel().createWorker();
			long[] last = { -1, -1 };
			String[] lastFile = { null };
			Disposable ticks = worker.schedulePeriodically(() -> {
				UploadProgress progress = snapshot(null);
				if (progress.uploadedBytes() != last[0] || progress.completedFiles() != last[1]
						|| !progress.currentFile().equals(lastFile[0])) {
					last[0] = progress.uploadedBytes();
					last[1] = progress.completedFiles();
					lastFile[0] = progress.currentFile();
					sink.next(progress);
				}
			}, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
			Disposable job = work.subscribe((result) -> worker.schedule(() -> {
				ticks.dispose();
				sink.next(snapshot(result));
				sink.complete();
				worker.dispose();
			}), (error) -> worker.schedule(() -> {
				ticks.dispose();
				sink.error(error);
				worker.dispose();
			}));
			sink.onDispose(() -> {
				ticks.dispose();
				job.dispose();
				worker.dispose();
			});
		});
	}

}
