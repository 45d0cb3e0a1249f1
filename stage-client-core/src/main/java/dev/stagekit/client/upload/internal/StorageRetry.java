package dev.stagekit.client.upload.internal;

import java.security.cert.CertificateException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import dev.stagekit.client.RetrySettings;
import dev.stagekit.client.ZillizCloudException;
import dev.stagekit.client.internal.Failure;
import dev.stagekit.client.internal.Retries;
import dev.stagekit.client.upload.SourceChangedException;
import dev.stagekit.client.upload.StorageException;
import dev.stagekit.client.upload.internal.StorageSession.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Runs one object-store request with the client's one retry mechanism ({@link Retries}) and classifier
 * ({@link Failure}): transient failures are retried with backoff and jitter; rejected credentials
 * ({@code ExpiredToken}, 403) are renewed once (one coalesced {@code apply}) and the request is sent again
 * with them; anything else fails at once. The SDK's own retries are off, so every attempt is counted here.
 */
final class StorageRetry {

	private static final Logger logger = LoggerFactory.getLogger(StorageRetry.class);

	private final RetrySettings settings;

	StorageRetry(RetrySettings settings) {
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
		return call(session, operation, key, "", request, onFailedAttempt);
	}

	/**
	 * Send a request until it succeeds or fails for good.
	 * @param <T> the response type
	 * @param session the credentials
	 * @param operation the S3 operation, for messages
	 * @param key the object key, for messages
	 * @param detail what part of the object the request is for (for example {@code "part 3 of 8"}), or
	 * {@code ""}
	 * @param request sends one attempt with a lease
	 * @param onFailedAttempt called after each failed attempt, before any retry
	 * @return the response
	 */
	<T> Mono<T> call(StorageSession session, String operation, String key, String detail,
			Function<Lease, CompletableFuture<T>> request, Runnable onFailedAttempt) {
		return Mono.defer(() -> {
			AtomicInteger attempts = new AtomicInteger();
			AtomicBoolean renewed = new AtomicBoolean();
			// Deferred so that every attempt asks for the current (possibly renewed) credentials.
			Mono<T> attempt = Mono.defer(session::lease).flatMap((lease) -> {
				attempts.incrementAndGet();
				return Mono.fromFuture(() -> request.apply(lease))
					.doOnError((ex) -> onFailedAttempt.run())
					.onErrorMap((ex) -> new Attempt(ex, lease.generation()));
			});
			Retry renewal = Retry.indefinitely()
				.filter((ex) -> Failure.of(cause(ex)) == Failure.CREDENTIALS_EXPIRED && renewed.compareAndSet(false, true))
				.doBeforeRetryAsync((signal) -> {
					logger.debug("{} of '{}' was refused with the current credentials; renewing them", operation, key);
					return session.renew(((Attempt) signal.failure()).generation).then();
				});
			return attempt.retryWhen(renewal)
				.retryWhen(Retries.backoff(this.settings, (ex) -> Failure.isRetryable(cause(ex)),
						operation + " of '" + key + "'"))
				.onErrorMap(Attempt.class,
						(failed) -> failure(failed.failure, operation, key, detail, attempts.get()));
		});
	}

	/** The failure of an attempt, as the store or the client reported it. */
	private static Throwable cause(Throwable failure) {
		return (failure instanceof Attempt attempt) ? attempt.failure : failure;
	}

	private static Throwable failure(Throwable cause, String operation, String key, String detail, int attempts) {
		SourceChangedException changed = Failure.find(cause, SourceChangedException.class);
		if (changed != null) {
			return changed;
		}
		ZillizCloudException own = Failure.find(cause, ZillizCloudException.class);
		if (own != null && !(own instanceof StorageException)) {
			return own;
		}
		boolean retryable = Failure.isRetryable(cause);
		String failed = operation + " of '" + key + "'" + (detail.isEmpty() ? "" : " (" + detail + ")")
				+ " failed after " + attempts + " attempt" + ((attempts == 1) ? "" : "s") + ": ";
		String next = (retryable && attempts > 1) ? ". The object store kept failing through every retry: check that it"
				+ " is reachable and healthy, then upload again (what is already stored is skipped or resumed with "
				+ "the matching skip policy or resumable uploads); zilliz.cloud.upload.retry.max-attempts allows more "
				+ "attempts" : "";
		AwsServiceException service = Failure.find(cause, AwsServiceException.class);
		if (service != null) {
			String code = (service.awsErrorDetails() != null) ? service.awsErrorDetails().errorCode() : null;
			String message = (service.awsErrorDetails() != null) ? service.awsErrorDetails().errorMessage() : null;
			return new StorageException(failed + service.statusCode() + " " + code
					+ ((message != null) ? " (" + message + ")" : "") + next, key, service.statusCode(), code, attempts,
					retryable, cause);
		}
		String reason = (Failure.find(cause, SSLHandshakeException.class) != null) ? tlsReason(cause)
				: Failure.rootMessage(cause) + next;
		return new StorageException(failed + reason, key, 0, null, attempts, retryable, cause);
	}

	/** Why a TLS handshake failed: a certificate for another host name, or one that is not trusted. */
	static String tlsReason(Throwable cause) {
		if (isHostNameMismatch(cause)) {
			return "TLS handshake with the object store failed: its certificate does not match the host name ("
					+ Failure.rootMessage(cause) + "); the certificate is trusted but issued for another name: check "
					+ "the storage endpoint, or issue the server's certificate for the name the client connects to";
		}
		return "TLS handshake with the object store failed: its certificate is not trusted ("
				+ Failure.rootMessage(cause)
				+ "); trust its certificate through the HTTP client customizer or zilliz.cloud.upload.ssl-bundle";
	}

	private static boolean isHostNameMismatch(Throwable cause) {
		if (Failure.find(cause, SSLPeerUnverifiedException.class) != null) {
			return true;
		}
		for (Throwable current = cause; current != null; current = current.getCause()) {
			String message = current.getMessage();
			if (current instanceof CertificateException && message != null
					&& (message.contains("No subject alternative") || message.contains("No name matching"))) {
				return true;
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return false;
	}

	/** A failed attempt and the credentials generation it used. */
	private static final class Attempt extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final Throwable failure;

		private final int generation;

		Attempt(Throwable cause, int generation) {
			super(cause.getMessage(), cause, false, false);
			this.failure = cause;
			this.generation = generation;
		}

	}

}
