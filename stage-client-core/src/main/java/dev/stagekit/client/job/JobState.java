package dev.stagekit.client.job;

/**
 * What every control-plane job reports, import or merge alike; the one job poller follows it.
 *
 * @since 0.1.0
 */
public sealed interface JobState permits ImportJobProgress, ControlPlaneJob {

	/**
	 * Return the job id.
	 * @return the id
	 */
	String jobId();

	/**
	 * Return what kind of job this is, in lower case, for messages (e.g. {@code import}, {@code merge}).
	 * @return the job type
	 */
	String jobType();

	/**
	 * Return the state as the service names it.
	 * @return the state
	 */
	String state();

	/**
	 * Return the progress in percent.
	 * @return the progress
	 */
	int progress();

	/**
	 * Return the reason the service gave, or {@code ""}.
	 * @return the reason
	 */
	String reason();

	/**
	 * Whether the job ended successfully.
	 * @return {@code true} once it succeeded
	 */
	boolean isDone();

	/**
	 * Whether the job ended in failure.
	 * @return {@code true} once it failed
	 */
	boolean isFailed();

}
