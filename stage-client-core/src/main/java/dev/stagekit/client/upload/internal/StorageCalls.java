package dev.stagekit.client.upload.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import javax.net.ssl.SSLHandshakeException;

import dev.stagekit.client.ZillizCloudException;
import dev.stagekit.client.upload.SourceChangedException;
import dev.stagekit.client.upload.StorageException;
import dev.stagekit.client.upload.UploadSettings;
import dev.stagekit.client.upload.internal.StorageSession.Lease;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Runs one object-store request with the client's retry policy: transient failures (5xx, 408, 429,
 * throttling codes, a bad digest, resets and timeouts) are retried with exponential backoff and jitter;
 * rejected credentials ({@code ExpiredToken}, 403) are renewed once and the request is sent again;
 * anything else fails at once. The SDK's own retries are off, so every attempt is counted here.
 */
final class StorageCalls {

	private static final Logger logger = LoggerFactory.getLogger(StorageCalls.class);

	private static final Set<String> TRANSIENT_CODES = Set.of("RequestTimeout", "SlowDown", "InternalError",
			"ServiceUnavailable", "Throttling", "ThrottlingException", "RequestLimitExceeded", "BadDigest",
			"XAmzContentChecksumMismatch", "XAmzContentSHA256Mismatch", "IncompleteBody", "RequestTimeTooSkewed");

	private static final Set<String> CREDENTIAL_CODES = Set.of("ExpiredToken", "InvalidToken",
			"TokenRefreshRequired", "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch");

	private final UploadSettings settings;

	StorageCalls(UploadSettings settings) {
		this.settings = settings;
	}

	/**
	 * Send a request until it succeeds or fails for good.
	 * @param <T> the response type
	 * @param session the credentials
	 * @param operation the S3 operation, for messages
	 * @param key the object key, for messages
	 * @param request sends one attempt with a lease
	 * @param onFailedAttempt called after each failed attempt, before any retry
	 * @return the response
	 */
	<T> Mono<T> call(StorageSession session, String operation, String key,
			Function<Lease, CompletableFuture<T>> request, Runnable onFailedAttempt) {
		return Mono.defer(() -> {
			Budget budget = new Budget();
			// Deferred so that every attempt asks for the current (possibly renewed) credentials.
			return Mono.defer(session::lease)
				.flatMap((lease) -> Mono.fromFuture(() -> request.apply(lease))
					.onErrorMap((ex) -> new Attempt(ex, lease.generation())))
				.doOnError((ex) -> onFailedAttempt.run())
				.retryWhen(Retry.from((signals) -> signals.concatMap((signal) -> {
					Attempt attempt = (Attempt) signal.failure();
					return budget.next(session, attempt, operation, key);
				})))
				.onErrorMap(Attempt.class, (attempt) -> failure(attempt.getCause(), operation, key, budget));
		});
	}

	private Duration backoff(int retry) {
		long base = this.settings.retryBackoff().toMillis();
		long capped = Math.min(this.settings.maxRetryBackoff().toMillis(), base << Math.min(retry, 20));
		long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
		return Duration.ofMillis(jittered);
	}

	private Throwable failure(Throwable cause, String operation, String key, Budget budget) {
		SourceChangedException changed = find(cause, SourceChangedException.class);
		if (changed != null) {
			return changed;
		}
		ZillizCloudException own = find(cause, ZillizCloudException.class);
		if (own != null && !(own instanceof StorageException)) {
			return own;
		}
		int attempts = budget.attempts();
		Kind kind = classify(cause);
		AwsServiceException service = find(cause, AwsServiceException.class);
		if (service != null) {
			String code = (service.awsErrorDetails() != null) ? service.awsErrorDetails().errorCode() : null;
			String message = (service.awsErrorDetails() != null) ? service.awsErrorDetails().errorMessage() : null;
			return new StorageException(operation + " of '" + key + "' failed after " + attempts + " attempt"
					+ ((attempts == 1) ? "" : "s") + ": " + service.statusCode() + " " + code
					+ ((message != null) ? " (" + message + ")" : ""), key, service.statusCode(), code, attempts,
					kind == Kind.TRANSIENT, cause);
		}
		SSLHandshakeException tls = find(cause, SSLHandshakeException.class);
		String reason = (tls != null) ? "TLS handshake with the object store failed (" + rootMessage(cause)
				+ "); trust its certificate through the HTTP client customizer or zilliz.cloud.upload.ssl-bundle"
				: rootMessage(cause);
		return new StorageException(operation + " of '" + key + "' failed after " + attempts + " attempt"
				+ ((attempts == 1) ? "" : "s") + ": " + reason, key, 0, null, attempts, kind == Kind.TRANSIENT,
				cause);
	}

	static Kind classify(Throwable failure) {
		if (find(failure, SourceChangedException.class) != null) {
			return Kind.PERMANENT;
		}
		ZillizCloudException own = find(failure, ZillizCloudException.class);
		if (own != null) {
			return own.isTransient() ? Kind.TRANSIENT : Kind.PERMANENT;
		}
		AwsServiceException service = find(failure, AwsServiceException.class);
		if (service != null) {
			String code = (service.awsErrorDetails() != null) ? service.awsErrorDetails().errorCode() : null;
			int status = service.statusCode();
			if (code != null && CREDENTIAL_CODES.contains(code) || status == 403) {
				return Kind.CREDENTIALS;
			}
			if (status == 408 || status == 429 || status >= 500 || (code != null && TRANSIENT_CODES.contains(code))) {
				return Kind.TRANSIENT;
			}
			return Kind.PERMANENT;
		}
		if (find(failure, IllegalArgumentException.class) != null
				|| find(failure, SSLHandshakeException.class) != null) {
			// A certificate that is not trusted stays untrusted: failing fast beats retrying.
			return Kind.PERMANENT;
		}
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (current instanceof IOException || current instanceof TimeoutException
					|| current.getClass().getSimpleName().contains("Timeout")) {
				return Kind.TRANSIENT;
			}
		}
		// Other client-side failures (a closed channel, a failed connect) are worth another attempt.
		return Kind.TRANSIENT;
	}

	static <E extends Throwable> @Nullable E find(Throwable failure, Class<E> type) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ((root.getMessage() != null) ? ": " + root.getMessage() : "");
	}

	/** How a failure is handled. */
	enum Kind {

		/** Retried with backoff. */
		TRANSIENT,

		/** Credentials renewed, then retried once. */
		CREDENTIALS,

		/** Not retried. */
		PERMANENT

	}

	/** A failed attempt and the credentials generation it used. */
	private static final class Attempt extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final int generation;

		Attempt(Throwable cause, int generation) {
			super(cause.getMessage(), cause, false, false);
			this.generation = generation;
		}

	}

	/** The retries left for one request. */
	private final class Budget {

		private int retries;

		private int renewals;

		int attempts() {
			return this.retries + this.renewals + 1;
		}

		Mono<?> next(StorageSession session, Attempt attempt, String operation, String key) {
			Kind kind = classify(attempt.getCause());
			if (kind == Kind.CREDENTIALS && this.renewals == 0) {
				this.renewals++;
				logger.debug("{} of '{}' was refused with the current credentials; renewing them", operation, key);
				return session.renew(attempt.generation);
			}
			if (kind == Kind.TRANSIENT && this.retries < StorageCalls.this.settings.maxRetries()) {
				Duration delay = backoff(this.retries);
				this.retries++;
				logger.debug("{} of '{}' failed ({}); retry {} in {} ms", operation, key, rootMessage(attempt),
						this.retries, delay.toMillis());
				return Mono.delay(delay);
			}
			return Mono.error(attempt);
		}

	}

}
