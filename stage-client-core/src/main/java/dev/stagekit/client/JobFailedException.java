package dev.stagekit.client;

/**
 * A control-plane job (such as a merge) ended in failure; the message carries the job's reason.
 */
public final class JobFailedException extends ZillizCloudException {

	private static final long serialVersionUID = 1L;

	private final ControlPlaneJob job;

	/**
	 * Create the exception.
	 * @param job the failed job
	 */
	public JobFailedException(ControlPlaneJob job) {
		super(((job.type() != null) ? job.type().toLowerCase(java.util.Locale.ROOT) : "control-plane") + " job "
				+ job.jobId() + " failed: " + job.reason(), null);
		this.job = job;
	}

	/**
	 * Return the job as last described.
	 * @return the job
	 */
	public ControlPlaneJob job() {
		return this.job;
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
