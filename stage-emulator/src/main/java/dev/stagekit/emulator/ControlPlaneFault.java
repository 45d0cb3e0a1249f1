package dev.stagekit.emulator;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A fault the control plane injects into its next matching responses. Immutable: every
 * {@code on}/{@code times} call returns a copy.
 *
 * <pre>{@code
 * emulator.inject(ControlPlaneFault.httpStatus(503).on("POST /v2/volumes/apply").times(2));
 * }</pre>
 *
 * @param kind what goes wrong
 * @param endpoint the endpoint it applies to, as counted by
 * {@link ZillizCloudEmulator#requestCount(String)} (for example {@code GET /v2/volumes/{name}}), or
 * {@code null} for every endpoint
 * @param times how many matching calls it affects
 * @param httpStatus the status for {@link Kind#HTTP_STATUS} and {@link Kind#HTTP_STATUS_AFTER_PROCESSING}
 * @param latency the delay for {@link Kind#LATENCY}; the call is then answered normally
 * @param code the business code for {@link Kind#BUSINESS_ERROR}
 * @param message the message for {@link Kind#BUSINESS_ERROR}
 */
public record ControlPlaneFault(Kind kind, @Nullable String endpoint, int times, int httpStatus, Duration latency,
		int code, String message) {

	/** What goes wrong. */
	public enum Kind {

		/** A non-200 HTTP status with an error envelope. */
		HTTP_STATUS,

		/** The answer comes late. */
		LATENCY,

		/** HTTP 200 with a body that is not JSON. */
		MALFORMED_BODY,

		/** HTTP 200 with a non-zero {@code code}. */
		BUSINESS_ERROR,

		/**
		 * The call is carried out (a job created, a volume made), then answered with a non-200 HTTP
		 * status instead of its result, as when a gateway loses the answer of a call the service did.
		 */
		HTTP_STATUS_AFTER_PROCESSING

	}

	public ControlPlaneFault {
		Objects.requireNonNull(kind, "kind");
		if (times < 1) {
			throw new IllegalArgumentException("times must be at least 1, was " + times);
		}
	}

	/** Answers with this HTTP status (429, 500, 503, ...). */
	public static ControlPlaneFault httpStatus(int status) {
		return new ControlPlaneFault(Kind.HTTP_STATUS, null, 1, status, Duration.ZERO, 0, "");
	}

	/**
	 * Carries the call out, then answers with this HTTP status (503, 504, ...) instead of its result: the
	 * answer of a call that was done is lost.
	 */
	public static ControlPlaneFault httpStatusAfterProcessing(int status) {
		return new ControlPlaneFault(Kind.HTTP_STATUS_AFTER_PROCESSING, null, 1, status, Duration.ZERO, 0, "");
	}

	/** Delays the answer by this much. */
	public static ControlPlaneFault latency(Duration delay) {
		return new ControlPlaneFault(Kind.LATENCY, null, 1, 200, delay, 0, "");
	}

	/** Answers HTTP 200 with a body that is not JSON. */
	public static ControlPlaneFault malformedBody() {
		return new ControlPlaneFault(Kind.MALFORMED_BODY, null, 1, 200, Duration.ZERO, 0, "");
	}

	/** Answers HTTP 200 with this non-zero code and message. */
	public static ControlPlaneFault businessError(int code, String message) {
		return new ControlPlaneFault(Kind.BUSINESS_ERROR, null, 1, 200, Duration.ZERO, code, message);
	}

	/** Only for this endpoint, for example {@code POST /v2/volumes/apply}. */
	public ControlPlaneFault on(String endpoint) {
		return new ControlPlaneFault(this.kind, endpoint, this.times, this.httpStatus, this.latency, this.code,
				this.message);
	}

	/** For this many matching calls. */
	public ControlPlaneFault times(int times) {
		return new ControlPlaneFault(this.kind, this.endpoint, times, this.httpStatus, this.latency, this.code,
				this.message);
	}

}
