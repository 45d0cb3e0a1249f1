package dev.stagekit.client;

import org.jspecify.annotations.Nullable;

/**
 * Root of the unchecked exceptions thrown by the Zilliz Cloud client.
 *
 * @since 0.1.0
 */
public abstract class ZillizCloudException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the message
	 * @param cause the cause, if any
	 */
	protected ZillizCloudException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * Whether retrying the same call may succeed.
	 * @return {@code true} for transient failures
	 */
	public abstract boolean isTransient();

}
