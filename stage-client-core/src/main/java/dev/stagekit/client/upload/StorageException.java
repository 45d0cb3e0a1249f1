package dev.stagekit.client.upload;

import dev.stagekit.client.ZillizCloudException;
import org.jspecify.annotations.Nullable;

/**
 * A request to the object store failed for good: a non-retryable answer, or a transient one that lasted
 * through every retry. The message names the object key and the store's status and error code, never
 * the credentials.
 *
 * @since 0.1.0
 */
public final class StorageException extends ZillizCloudException {

	private static final long serialVersionUID = 1L;

	private final String key;

	private final int statusCode;

	private final @Nullable String errorCode;

	private final int attempts;

	private final boolean transientFailure;

	/**
	 * Create the exception.
	 * @param message the message
	 * @param key the object key
	 * @param statusCode the HTTP status, or 0 if no answer came
	 * @param errorCode the S3 error code, if any
	 * @param attempts how many attempts were made
	 * @param transientFailure whether the last failure was of a transient kind
	 * @param cause the last error
	 */
	public StorageException(String message, String key, int statusCode, @Nullable String errorCode, int attempts,
			boolean transientFailure, @Nullable Throwable cause) {
		super(message, cause);
		this.key = key;
		this.statusCode = statusCode;
		this.errorCode = errorCode;
		this.attempts = attempts;
		this.transientFailure = transientFailure;
	}

	/**
	 * Return the object key of the failed request.
	 * @return the key
	 */
	public String key() {
		return this.key;
	}

	/**
	 * Return the HTTP status, or 0 if none was received.
	 * @return the status
	 */
	public int statusCode() {
		return this.statusCode;
	}

	/**
	 * Return the S3 error code, if any.
	 * @return the code
	 */
	public @Nullable String errorCode() {
		return this.errorCode;
	}

	/**
	 * Return the number of attempts made.
	 * @return the attempts
	 */
	public int attempts() {
		return this.attempts;
	}

	@Override
	public boolean isTransient() {
		return this.transientFailure;
	}

}
