package dev.stagekit.client;

import org.jspecify.annotations.Nullable;

/**
 * A call to Zilliz Cloud timed out; transient.
 *
 * @since 0.1.0
 */
public final class ZillizCloudTimeoutException extends ZillizCloudException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the message
	 * @param cause the cause, if any
	 */
	public ZillizCloudTimeoutException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	@Override
	public boolean isTransient() {
		return true;
	}

}
