package dev.stagekit.client;

/**
 * An import job ended in state {@code Failed}.
 */
public final class ImportJobFailedException extends ZillizCloudException {

	private static final long serialVersionUID = 1L;

	private final String jobId;

	private final String reason;

	/**
	 * Create an exception.
	 * @param jobId the job id
	 * @param reason the reason reported by the job
	 */
	public ImportJobFailedException(String jobId, String reason) {
		super("Import job " + jobId + " failed: " + reason, null);
		this.jobId = jobId;
		this.reason = reason;
	}

	/**
	 * Return the job id.
	 * @return the job id
	 */
	public String jobId() {
		return this.jobId;
	}

	/**
	 * Return the reason reported by the job.
	 * @return the reason
	 */
	public String reason() {
		return this.reason;
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
