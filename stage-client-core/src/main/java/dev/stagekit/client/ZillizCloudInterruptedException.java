package dev.stagekit.client;

import org.jspecify.annotations.Nullable;

/**
 * A blocking call was interrupted. The thread's interrupt flag is set again before this is thrown.
 *
 * @since 0.1.0
 */
public final class ZillizCloudInterruptedException extends ZillizCloudException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the message
	 * @param cause the interruption, if any
	 */
	public ZillizCloudInterruptedException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/** Never: the caller asked to stop. */
	@Override
	public boolean isTransient() {
		return false;
	}

}
