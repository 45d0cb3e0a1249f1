package dev.stagekit.emulator;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A fault the data plane injects into matching S3 requests. Immutable: every {@code on...},
 * {@code after}/{@code times} call returns a copy.
 *
 * <pre>{@code
 * emulator.inject(DataPlaneFault.slowDown().onPart(3).times(2));
 * emulator.inject(DataPlaneFault.reset().on("UploadPart").after(5));
 * emulator.inject(DataPlaneFault.corrupt().on("PutObject"));
 * }</pre>
 *
 * <p>Every kind but {@link Kind#CORRUPT} and {@link Kind#DROP_ANSWER} answers the request at the gate:
 * storage never sees it.
 * A corrupted request goes on to storage, which must reject it through its checksum.
 *
 * @param kind what goes wrong
 * @param operation the S3 operation it applies to ({@code PutObject}, {@code UploadPart},
 * {@code CreateMultipartUpload}, {@code CompleteMultipartUpload}, {@code ListObjectsV2}, ...), or
 * {@code null} for any
 * @param partNumber the part number it applies to (UploadPart only), or 0 for any
 * @param skip how many matching requests pass untouched before the fault starts
 * @param times how many matching requests it affects
 * @param httpStatus the status for {@link Kind#ERROR}
 * @param errorCode the S3 error code for {@link Kind#ERROR}
 * @param stall how long {@link Kind#STALL} holds the response before dropping the connection
 */
public record DataPlaneFault(Kind kind, @Nullable String operation, int partNumber, int skip, int times,
		int httpStatus, String errorCode, Duration stall) {

	/** What goes wrong. */
	public enum Kind {

		/** An S3 XML error with a status and code. */
		ERROR,

		/** The connection drops after part of the request body was read. */
		RESET,

		/** The request body is read but no response comes; the connection drops later. */
		STALL,

		/** {@code 400 ExpiredToken}, as if the credentials had expired. */
		EXPIRED_TOKEN,

		/**
		 * One byte of the object data in the request body is flipped on its way to storage, as a bad
		 * network or disk would; storage must reject the request through the checksum. With
		 * {@code aws-chunked} bodies the byte lies inside the data of the first chunk, never in a chunk
		 * header or the trailer; any other body has a byte flipped in the middle of the first read.
		 * The AWS SDK v2 sends a trailing checksum with every upload, which the data plane checks
		 * (S3Proxy itself does not): the request fails with {@code 400 BadDigest} and nothing is
		 * stored. A body without a checksum is stored with the flipped byte.
		 */
		CORRUPT,

		/**
		 * The request goes on to storage and is carried out (the object is stored, the upload completed),
		 * then the connection drops before the answer reaches the client: a lost answer.
		 */
		DROP_ANSWER

	}

	public DataPlaneFault {
		Objects.requireNonNull(kind, "kind");
		if (times < 1) {
			throw new IllegalArgumentException("times must be at least 1, was " + times);
		}
		if (skip < 0 || partNumber < 0) {
			throw new IllegalArgumentException("skip and partNumber must not be negative");
		}
	}

	/** An S3 error with this status and code, for example {@code 500 InternalError}. */
	public static DataPlaneFault error(int httpStatus, String errorCode) {
		return new DataPlaneFault(Kind.ERROR, null, 0, 0, 1, httpStatus, errorCode, Duration.ZERO);
	}

	/** {@code 503 SlowDown}. */
	public static DataPlaneFault slowDown() {
		return error(503, "SlowDown");
	}

	/** {@code 500 InternalError}. */
	public static DataPlaneFault internalError() {
		return error(500, "InternalError");
	}

	/** Drops the connection in the middle of the request body. */
	public static DataPlaneFault reset() {
		return new DataPlaneFault(Kind.RESET, null, 0, 0, 1, 0, "", Duration.ZERO);
	}

	/** Reads the request and answers nothing for this long, then drops the connection. */
	public static DataPlaneFault stall(Duration duration) {
		return new DataPlaneFault(Kind.STALL, null, 0, 0, 1, 0, "", duration);
	}

	/** {@code 400 ExpiredToken}. */
	public static DataPlaneFault expiredToken() {
		return new DataPlaneFault(Kind.EXPIRED_TOKEN, null, 0, 0, 1, 400, "ExpiredToken", Duration.ZERO);
	}

	/**
	 * Flips one byte of the object data in the request body, as a bad network or disk would; storage
	 * must reject it through the checksum. The request is passed on to storage, not answered here.
	 */
	public static DataPlaneFault corrupt() {
		return new DataPlaneFault(Kind.CORRUPT, null, 0, 0, 1, 0, "", Duration.ZERO);
	}

	/**
	 * Carries the request out in storage, then drops the connection before the answer is sent, as a
	 * network failure after the server did the work would.
	 */
	public static DataPlaneFault dropAnswer() {
		return new DataPlaneFault(Kind.DROP_ANSWER, null, 0, 0, 1, 0, "", Duration.ZERO);
	}

	/** Only for this S3 operation, for example {@code UploadPart}. */
	public DataPlaneFault on(String operation) {
		return new DataPlaneFault(this.kind, operation, this.partNumber, this.skip, this.times, this.httpStatus,
				this.errorCode, this.stall);
	}

	/** Only for UploadPart requests of this part number. */
	public DataPlaneFault onPart(int partNumber) {
		return new DataPlaneFault(this.kind, "UploadPart", partNumber, this.skip, this.times, this.httpStatus,
				this.errorCode, this.stall);
	}

	/** Lets this many matching requests through first. */
	public DataPlaneFault after(int skip) {
		return new DataPlaneFault(this.kind, this.operation, this.partNumber, skip, this.times, this.httpStatus,
				this.errorCode, this.stall);
	}

	/** For this many matching requests. */
	public DataPlaneFault times(int times) {
		return new DataPlaneFault(this.kind, this.operation, this.partNumber, this.skip, times, this.httpStatus,
				this.errorCode, this.stall);
	}

}
