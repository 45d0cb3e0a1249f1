package dev.stagekit.client.upload;

import dev.stagekit.client.ZillizCloudException;

/**
 * The files to upload exceed the limits the stage or volume announced in its {@code apply} condition.
 * Thrown before any byte is sent.
 *
 * @since 0.1.0
 */
public final class UploadLimitExceededException extends ZillizCloudException {

	private static final long serialVersionUID = 1L;

	private final long actual;

	private final long limit;

	/**
	 * Create the exception.
	 * @param message the message stating both numbers and the limit
	 * @param actual the measured value
	 * @param limit the limit
	 */
	public UploadLimitExceededException(String message, long actual, long limit) {
		super(message, null);
		this.actual = actual;
		this.limit = limit;
	}

	/**
	 * Return the measured value (bytes or files).
	 * @return the value
	 */
	public long actual() {
		return this.actual;
	}

	/**
	 * Return the limit it exceeds.
	 * @return the limit
	 */
	public long limit() {
		return this.limit;
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
