package dev.stagekit.client.internal;

import java.util.function.Predicate;

import dev.stagekit.client.RetrySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * The one retry mechanism of the client: Reactor's {@link Retry#backoff} configured from
 * {@link RetrySettings}, for control-plane calls and storage requests alike. When attempts run out the
 * last failure itself is rethrown, not Reactor's wrapper.
 *
 * <p>Public because the upload engine ({@code dev.stagekit.client.upload.internal}) retries storage
 * requests with it; not an API.
 *
 * @since 0.1.0
 */
public final class Retries {

	private static final Logger logger = LoggerFactory.getLogger(Retries.class);

	private Retries() {
	}

	/**
	 * Build the retry of one call.
	 * @param settings the policy
	 * @param retryable which failures to retry
	 * @param call what is retried, for the debug log
	 * @return the retry
	 */
	public static RetryBackoffSpec backoff(RetrySettings settings, Predicate<Throwable> retryable, String call) {
		return Retry.backoff(settings.maxAttempts() - 1L, settings.minBackoff())
			.maxBackoff(settings.maxBackoff())
			.jitter(settings.jitter())
			.filter(retryable)
			.doBeforeRetry((signal) -> logger.debug("Retrying {} (retry {}) after: {}", call, signal.totalRetries() + 1,
					Failure.rootMessage(signal.failure())))
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

}
