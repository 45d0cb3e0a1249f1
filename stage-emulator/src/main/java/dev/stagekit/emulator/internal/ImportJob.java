package dev.stagekit.emulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An import job, checked once at creation; its state follows from the time elapsed since.
 *
 * @param jobId its id, {@code job-} and 20 lowercase letters or digits
 * @param clusterId the cluster it imports into
 * @param collectionName the target collection
 * @param createdAt when it was created
 * @param files the files it imports, with sizes and row counts
 * @param failure why it fails, or {@code null} when it completes
 * @param abortedAt when it was aborted, or {@code null}
 * @param twoPhase whether its rows wait for a commit ({@code options.auto_commit} "false")
 * @param committedAt when a two-phase job was committed, or {@code null}
 */
record ImportJob(String jobId, String clusterId, String collectionName, Instant createdAt, List<ImportFile> files,
		@Nullable String failure, @Nullable Instant abortedAt, boolean twoPhase, @Nullable Instant committedAt) {

	/**
	 * One file of a job.
	 *
	 * @param fileName its path relative to the volume or stage root
	 * @param fileSize its size in bytes
	 * @param totalRows rows counted at creation (CSV and JSON), else 0
	 */
	record ImportFile(String fileName, long fileSize, long totalRows) {
	}

	/**
	 * Where a job stands at some instant.
	 *
	 * @param state {@code Pending}, {@code Importing}, {@code Completed} or {@code Failed}
	 * @param progress 0 to 100
	 * @param completeTime when it ended, or {@code null} while running
	 * @param reason why it failed, or ""
	 */
	record Status(String state, int progress, @Nullable Instant completeTime, String reason) {

		boolean finished() {
			return this.completeTime != null;
		}

	}

	/** Its status at {@code now}, for jobs that take {@code duration}. */
	Status statusAt(Instant now, Duration duration) {
		if (this.abortedAt != null) {
			return new Status("Failed", 0, this.abortedAt, "aborted");
		}
		long total = Math.max(1, duration.toNanos());
		long elapsed = Duration.between(this.createdAt, now).toNanos();
		long pendingEnd = total / 5;
		if (this.failure != null && elapsed >= pendingEnd) {
			return new Status("Failed", 0, this.createdAt.plusNanos(pendingEnd), this.failure);
		}
		if (elapsed < pendingEnd) {
			return new Status("Pending", 0, null, "");
		}
		if (elapsed < total) {
			int progress = (int) Math.min(99, Math.max(1, (100 * (double) elapsed) / total));
			return new Status("Importing", progress, null, "");
		}
		return new Status("Completed", 100, this.createdAt.plusNanos(total), "");
	}

	ImportJob abortedAt(Instant instant) {
		return new ImportJob(this.jobId, this.clusterId, this.collectionName, this.createdAt, this.files,
				this.failure, instant, this.twoPhase, this.committedAt);
	}

	ImportJob committedAt(Instant instant) {
		return new ImportJob(this.jobId, this.clusterId, this.collectionName, this.createdAt, this.files,
				this.failure, this.abortedAt, this.twoPhase, instant);
	}

	/** Whether its rows are in the collection for good: abort no longer withdraws them. */
	boolean settled(Instant now, Duration duration) {
		return this.committedAt != null || (!this.twoPhase && statusAt(now, duration).finished());
	}

}
