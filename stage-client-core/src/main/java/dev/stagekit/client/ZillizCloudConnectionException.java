package dev.stagekit.client;

import org.jspecify.annotations.Nullable;

/**
 * Zilliz Cloud could not be reached or the connection broke; transient.
 *
 * @since 0.1.0
 */
public final class ZillizCloudConnectionException extends ZillizCloudException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the message
	 * @param cause the cause, if any
	 */
	public ZillizCloudConnectionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	@Override
	public boolean isTransient() {
		return true;
	}

}
