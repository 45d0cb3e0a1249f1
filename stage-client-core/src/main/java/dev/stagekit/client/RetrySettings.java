package dev.stagekit.client;

import java.time.Duration;

import static dev.stagekit.client.InvalidSettingException.atLeast;
import static dev.stagekit.client.InvalidSettingException.notNegative;

/**
 * How transient failures are retried: exponential backoff with jitter (Reactor's {@code Retry.backoff}),
 * the same policy and vocabulary for control-plane calls and storage requests.
 *
 * @param maxAttempts total attempts including the first one (at least 1)
 * @param minBackoff the backoff before the first retry, doubled each time
 * @param maxBackoff the largest backoff
 * @param jitter the share of each backoff that is randomised, between 0 and 1
 * @since 0.1.0
 */
public record RetrySettings(int maxAttempts, Duration minBackoff, Duration maxBackoff, double jitter) {

	/** Control-plane calls: four attempts, 200 ms to 5 s backoff, jitter 0.5. */
	public static final RetrySettings CONTROL_PLANE = new RetrySettings(4, Duration.ofMillis(200),
			Duration.ofSeconds(5), 0.5);

	/** Storage requests: six attempts, 200 ms to 10 s backoff, jitter 0.5. */
	public static final RetrySettings STORAGE = new RetrySettings(6, Duration.ofMillis(200), Duration.ofSeconds(10),
			0.5);

	/** Validate the policy. */
	public RetrySettings {
		atLeast("maxAttempts", maxAttempts, 1);
		notNegative("minBackoff", minBackoff);
		notNegative("maxBackoff", maxBackoff);
		if (maxBackoff.compareTo(minBackoff) < 0) {
			throw new InvalidSettingException("maxBackoff", maxBackoff,
					"must not be shorter than minBackoff (" + minBackoff + ")");
		}
		if (!(jitter >= 0 && jitter <= 1)) {
			throw new InvalidSettingException("jitter", jitter, "must be between 0 and 1");
		}
	}

	/**
	 * Return a copy with another number of attempts.
	 * @param maxAttempts total attempts
	 * @return a new policy
	 */
	public RetrySettings withMaxAttempts(int maxAttempts) {
		return new RetrySettings(maxAttempts, this.minBackoff, this.maxBackoff, this.jitter);
	}

	/**
	 * Return a copy with other backoff bounds.
	 * @param minBackoff the first backoff
	 * @param maxBackoff the largest backoff
	 * @return a new policy
	 */
	public RetrySettings withBackoff(Duration minBackoff, Duration maxBackoff) {
		return new RetrySettings(this.maxAttempts, minBackoff, maxBackoff, this.jitter);
	}

	/**
	 * Return a copy with another jitter factor.
	 * @param jitter the jitter factor
	 * @return a new policy
	 */
	public RetrySettings withJitter(double jitter) {
		return new RetrySettings(this.maxAttempts, this.minBackoff, this.maxBackoff, jitter);
	}

}
