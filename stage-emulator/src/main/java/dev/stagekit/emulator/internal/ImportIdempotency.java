package dev.stagekit.emulator.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import dev.stagekit.emulator.ErrorCode;
import tools.jackson.databind.JsonNode;

/**
 * The {@code Idempotency-Key}s of import creates, as Milvus keeps them: scoped to the target collection and
 * remembered for {@link #RETENTION}, across restarts with a data directory. A create that repeats a key with the
 * same body answers the first job; the same key with another body is refused.
 */
final class ImportIdempotency {

	/** How long a key is remembered. */
	static final Duration RETENTION = Duration.ofHours(24);

	/** The longest key accepted, in bytes. */
	static final int MAX_KEY_BYTES = 256;

	private final ControlPlaneState state;

	private final Clock clock;

	ImportIdempotency(ControlPlaneState state, Clock clock) {
		this.state = state;
		this.clock = clock;
	}

	/** Checks a header value: at most 256 bytes of printable ASCII. */
	static String check(String key) {
		if (key.isEmpty() || key.length() > MAX_KEY_BYTES || !key.chars().allMatch((c) -> c >= 0x20 && c <= 0x7e)) {
			throw new ApiException(ErrorCode.INVALID_VALUE,
					"Idempotency-Key must be 1 to " + MAX_KEY_BYTES + " bytes of printable ASCII");
		}
		return key;
	}

	/**
	 * The job of an earlier create with this key and body, or the job {@code create} makes (remembered under
	 * the key). Runs {@code create} at most once per key.
	 */
	synchronized String jobFor(String scope, String key, JsonNode body, Supplier<String> create) {
		Instant now = this.clock.instant();
		String id = scope + "\u0000" + key;
		Entry earlier = this.state.idempotencyKey(id, now.minus(RETENTION)).orElse(null);
		if (earlier != null) {
			if (!earlier.body().equals(body)) {
				throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + key
						+ "' was already used for another import request into this collection (job " + earlier.jobId()
						+ "); send a new key for a different request");
			}
			return earlier.jobId();
		}
		String jobId = create.get();
		this.state.rememberIdempotencyKey(id, new Entry(jobId, body, now));
		return jobId;
	}

	/**
	 * One remembered key.
	 *
	 * @param jobId the job its first create made
	 * @param body that create's body
	 * @param at when
	 */
	record Entry(String jobId, JsonNode body, Instant at) {
	}

}
