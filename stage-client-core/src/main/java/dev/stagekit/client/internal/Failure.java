package dev.stagekit.client.internal;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import dev.stagekit.client.ZillizCloudException;
import dev.stagekit.client.ZillizCloudTimeoutException;
import io.netty.channel.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The one classifier of failures, shared by control-plane calls and storage requests: every retry
 * decision of the client asks it. Timeouts are recognised by type (Netty's read/write and connect
 * timeouts, {@link TimeoutException}, the AWS SDK's timeout exceptions), never by message text.
 *
 * <p>Public because the upload engine ({@code dev.stagekit.client.upload.internal}) retries storage
 * requests with it; not an API.
 *
 * @since 0.1.0
 */
public enum Failure {

	/** Nothing was done or the call is safe to repeat: retried with backoff. */
	TRANSIENT,

	/** Retrying cannot help (bad input, refused, untrusted certificate): not retried. */
	PERMANENT,

	/** The store refused the temporary credentials: renewed once, then retried. */
	CREDENTIALS_EXPIRED,

	/**
	 * The request was sent and no answer came: it may or may not have taken effect. Retried only where
	 * repeating it is harmless.
	 */
	OUTCOME_UNKNOWN;

	private static final boolean AWS_SDK = isPresent("software.amazon.awssdk.awscore.exception.AwsServiceException");

	/**
	 * Classify a failure.
	 * @param failure the failure
	 * @return its class
	 */
	public static Failure of(Throwable failure) {
		ZillizCloudException own = find(failure, ZillizCloudException.class);
		if (own != null) {
			if (own instanceof ZillizCloudTimeoutException) {
				return OUTCOME_UNKNOWN;
			}
			return own.isTransient() ? TRANSIENT : PERMANENT;
		}
		if (AWS_SDK) {
			Failure storage = StorageErrors.classify(failure);
			if (storage != null) {
				return storage;
			}
		}
		if (find(failure, IllegalArgumentException.class) != null
				|| find(failure, SSLHandshakeException.class) != null) {
			// A certificate that is not trusted stays untrusted: failing fast beats retrying.
			return PERMANENT;
		}
		if (isTimeout(failure)) {
			return OUTCOME_UNKNOWN;
		}
		// Resets, closed channels, failed connects and other client-side failures are worth another attempt.
		return TRANSIENT;
	}

	/**
	 * Whether a failure is retried where repeating the call is harmless.
	 * @param failure the failure
	 * @return whether to retry
	 */
	public static boolean isRetryable(Throwable failure) {
		Failure kind = of(failure);
		return kind == TRANSIENT || kind == OUTCOME_UNKNOWN;
	}

	/**
	 * Whether a failure, or one of its causes, is a timeout (by type).
	 * @param failure the failure
	 * @return whether it timed out
	 */
	public static boolean isTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (cause instanceof io.netty.handler.timeout.TimeoutException || cause instanceof TimeoutException
					|| cause instanceof ConnectTimeoutException
					|| (AWS_SDK && StorageErrors.isTimeout(cause))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a failure, or one of its causes, is an I/O failure.
	 * @param failure the failure
	 * @return whether it is one
	 */
	static boolean isIo(Throwable failure) {
		return find(failure, IOException.class) != null;
	}

	/**
	 * Find a failure of a type among a failure and its causes.
	 * @param <E> the type
	 * @param failure the failure
	 * @param type the type
	 * @return the first match, or {@code null}
	 */
	public static <E extends Throwable> @Nullable E find(Throwable failure, Class<E> type) {
		for (Throwable current = failure; current != null; current = next(current)) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
		}
		return null;
	}

	/**
	 * Describe the root cause of a failure for a message: its type and message.
	 * @param failure the failure
	 * @return the description
	 */
	public static String rootMessage(Throwable failure) {
		Throwable root = failure;
		for (Throwable cause = next(root); cause != null; cause = next(cause)) {
			root = cause;
		}
		return root.getClass().getSimpleName() + ((root.getMessage() != null) ? ": " + root.getMessage() : "");
	}

	private static @Nullable Throwable next(Throwable failure) {
		Throwable cause = failure.getCause();
		return (cause == failure) ? null : cause;
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, Failure.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/** What the object store answers, loaded only when the AWS SDK is on the class path. */
	private static final class StorageErrors {

		private static final Set<String> TRANSIENT_CODES = Set.of("RequestTimeout", "SlowDown", "InternalError",
				"ServiceUnavailable", "Throttling", "ThrottlingException", "RequestLimitExceeded", "BadDigest",
				"XAmzContentChecksumMismatch", "XAmzContentSHA256Mismatch", "IncompleteBody", "RequestTimeTooSkewed");

		private static final Set<String> CREDENTIAL_CODES = Set.of("ExpiredToken", "InvalidToken",
				"TokenRefreshRequired", "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch");

		static @Nullable Failure classify(Throwable failure) {
			software.amazon.awssdk.awscore.exception.AwsServiceException service = find(failure,
					software.amazon.awssdk.awscore.exception.AwsServiceException.class);
			if (service == null) {
				return null;
			}
			String code = (service.awsErrorDetails() != null) ? service.awsErrorDetails().errorCode() : null;
			int status = service.statusCode();
			if (status == 403 || (code != null && CREDENTIAL_CODES.contains(code))) {
				return CREDENTIALS_EXPIRED;
			}
			if (status == 408 || status == 429 || status >= 500 || (code != null && TRANSIENT_CODES.contains(code))) {
				return TRANSIENT;
			}
			return PERMANENT;
		}

		static boolean isTimeout(Throwable failure) {
			return failure instanceof software.amazon.awssdk.core.exception.ApiCallTimeoutException
					|| failure instanceof software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
		}

	}

}
