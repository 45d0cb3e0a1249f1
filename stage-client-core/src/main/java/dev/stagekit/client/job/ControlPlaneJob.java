package dev.stagekit.client.job;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A control-plane job such as a merge ({@code GET /v2/jobs/{jobId}}).
 *
 * @param jobId the job id
 * @param type the job type, e.g. {@code MERGE}
 * @param status the status, e.g. {@code RUNNING}, {@code SUCCESSFUL} or {@code FAILED}
 * @param progress the progress from 0 to 100 (sent as a string)
 * @param startTime when it started, if known
 * @param endTime when it ended, if it did
 * @param reason why it failed, empty otherwise
 * @since 0.1.0
 */
public record ControlPlaneJob(String jobId, @Nullable String type, String status, int progress,
		@Nullable Instant startTime, @Nullable Instant endTime, String reason) implements JobState {

	/** Status of a job that ended well. */
	public static final String SUCCESSFUL = "SUCCESSFUL";

	/** Status of a job that failed. */
	public static final String FAILED = "FAILED";

	/**
	 * Whether the job ended well.
	 * @return whether it succeeded
	 */
	public boolean isSuccessful() {
		return SUCCESSFUL.equalsIgnoreCase(this.status);
	}

	/**
	 * Whether the job failed.
	 * @return whether it failed
	 */
	public boolean isFailed() {
		return FAILED.equalsIgnoreCase(this.status);
	}

	@Override
	public String jobType() {
		return (this.type != null) ? this.type.toLowerCase(Locale.ROOT) : "control-plane";
	}

	@Override
	public String state() {
		return this.status;
	}

	@Override
	public boolean isDone() {
		return isSuccessful();
	}

}
