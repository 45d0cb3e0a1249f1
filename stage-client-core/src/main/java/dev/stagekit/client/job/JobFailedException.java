package dev.stagekit.client.job;

import dev.stagekit.client.ZillizCloudException;

/**
 * A control-plane job (an import or a merge) ended in failure; the message carries the job's reason.
 *
 * @since 0.1.0
 */
public final class JobFailedException extends ZillizCloudException {

	private static final long serialVersionUID = 1L;

	private final transient JobState job;

	/**
	 * Create the exception.
	 * @param job the failed job as last described
	 */
	public JobFailedException(JobState job) {
		super(job.jobType() + " job " + job.jobId() + " failed: " + job.reason(), null);
		this.job = job;
	}

	/**
	 * Return the job as last described ({@link ImportJobProgress} or {@link ControlPlaneJob}).
	 * @return the job
	 */
	public JobState job() {
		return this.job;
	}

	/**
	 * Return the job id.
	 * @return the id
	 */
	public String jobId() {
		return this.job.jobId();
	}

	/**
	 * Return the reason the job reported.
	 * @return the reason
	 */
	public String reason() {
		return this.job.reason();
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
