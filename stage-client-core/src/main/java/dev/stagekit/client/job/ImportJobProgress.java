package dev.stagekit.client.job;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Progress of an import job.
 *
 * @param jobId the job id
 * @param collectionName the collection
 * @param fileName the file name(s)
 * @param fileSize total bytes
 * @param state {@code Pending}, {@code Importing}, {@code Completed} or {@code Failed}
 * @param progress percent done
 * @param completeTime when the job finished, if it did
 * @param reason the failure reason, empty otherwise
 * @param totalRows rows imported
 * @param details per-file progress
 * @since 0.1.0
 */
public record ImportJobProgress(String jobId, @Nullable String collectionName, @Nullable String fileName,
		@Nullable Long fileSize, String state, int progress, @Nullable Instant completeTime, String reason,
		@Nullable Long totalRows, List<Detail> details) implements JobState {

	/** State of a finished job. */
	public static final String COMPLETED = "Completed";

	/** State of a failed job. */
	public static final String FAILED = "Failed";

	/** Copy the details. */
	public ImportJobProgress {
		details = List.copyOf(details);
	}

	/**
	 * Whether the job completed.
	 * @return {@code true} when completed
	 */
	public boolean isCompleted() {
		return COMPLETED.equalsIgnoreCase(this.state);
	}

	/**
	 * Whether the job failed.
	 * @return {@code true} when failed
	 */
	public boolean isFailed() {
		return FAILED.equalsIgnoreCase(this.state);
	}

	@Override
	public String jobType() {
		return "import";
	}

	@Override
	public boolean isDone() {
		return isCompleted();
	}

	/**
	 * Progress of one file of an import job.
	 *
	 * @param fileName the file
	 * @param fileSize its bytes
	 * @param state its state
	 * @param progress percent done
	 * @param completeTime when it finished
	 * @param reason failure reason
	 * @param totalRows rows imported
	 * @since 0.1.0
	 */
	public record Detail(@Nullable String fileName, @Nullable Long fileSize, @Nullable String state, int progress,
			@Nullable Instant completeTime, String reason, @Nullable Long totalRows) {
	}

}
