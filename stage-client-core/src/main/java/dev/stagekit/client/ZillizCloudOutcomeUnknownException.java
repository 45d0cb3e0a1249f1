package dev.stagekit.client;

import org.jspecify.annotations.Nullable;

/**
 * A call that is not safe to repeat (a create, an import, a merge) was sent and its outcome is unknown: the
 * answer was lost, timed out, or was a server error that may have come after the work was done. Not
 * transient: repeating the call blindly may do the work twice. The message says how to find out what
 * happened (describe or list the resource or jobs).
 *
 * @since 0.1.0
 */
public final class ZillizCloudOutcomeUnknownException extends ZillizCloudException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the message, including how to find out the outcome
	 * @param cause the failure that left the outcome unknown, if any
	 */
	public ZillizCloudOutcomeUnknownException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/** Never: repeating the call may do the work twice. */
	@Override
	public boolean isTransient() {
		return false;
	}

}
