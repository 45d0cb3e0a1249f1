package dev.stagekit.emulator.internal;

import java.io.IOException;
import java.util.Base64;
import java.util.Locale;

import org.gaul.s3proxy.S3ErrorCode;
import org.gaul.s3proxy.S3ProxyException;
import org.gaul.s3proxy.checksum.FlexChecksum;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.checksums.SdkChecksum;

/**
 * An {@code aws-chunked} request body (chunk headers {@code <hex size>[;chunk-signature=...]\r\n},
 * data, {@code \r\n}, a last empty chunk, then trailer lines and an empty line), parsed as it streams
 * to S3Proxy, never buffered. It does two things there:
 *
 * <ul>
 * <li>For the {@code CORRUPT} fault it flips one byte a few bytes into the data of the first chunk,
 * inside the size its header gives; chunk headers, signatures and the trailer stay intact.</li>
 * <li>It checks the trailing checksum the request announces in {@code x-amz-trailer} (for example
 * {@code x-amz-checksum-crc32c}) against the data. S3Proxy 4.1.0 cannot: it reads the body only up
 * to {@code x-amz-decoded-content-length} bytes of data and never reaches the trailer, so it stores
 * whatever arrived. When the last data byte passes, this reads the few bytes that remain (the last
 * chunk and the trailer) ahead and, if the checksum does not match, fails that read with S3Proxy's
 * own {@code BadDigest}, before the object is stored.</li>
 * </ul>
 *
 * A body that does not parse as {@code aws-chunked} is passed on untouched and unchecked.
 */
final class AwsChunkedBody {

	/** How far into the first chunk's data the flipped byte lies (fewer for a smaller chunk). */
	private static final long CORRUPT_OFFSET = 4;

	/** A chunk header or trailer line longer than this is not one. */
	private static final int MAX_LINE = 4096;

	private static final long MAX_CHUNK_SIZE = 1L << 40;

	private enum State {

		/** In a chunk header line. */
		HEADER,

		/** In a chunk's data. */
		DATA,

		/** In the CRLF after a chunk's data. */
		DATA_END,

		/** In the trailer lines after the last, empty chunk. */
		TRAILER,

		/** Past the trailer, or given up on a body that does not parse. */
		DONE

	}

	private final @Nullable SdkChecksum checksum;

	private final String trailerName;

	private final long decodedLength;

	private final StringBuilder line = new StringBuilder();

	private State state = State.HEADER;

	private long remaining;

	private long dataSeen;

	private boolean firstChunk = true;

	private boolean corrupt;

	private long flipAt = -1;

	private boolean flipped;

	private boolean lastDataPassed;

	private @Nullable String trailerValue;

	/**
	 * @param trailer the {@code x-amz-trailer} header, or null
	 * @param decodedLength the {@code x-amz-decoded-content-length}, or -1 if unknown
	 * @param corrupt whether to flip a byte of the first chunk's data
	 */
	AwsChunkedBody(@Nullable String trailer, long decodedLength, boolean corrupt) {
		FlexChecksum algorithm = (trailer != null) ? FlexChecksum.fromHeaderName(trailer.trim()) : null;
		this.checksum = (algorithm != null) ? algorithm.newChecksum() : null;
		this.trailerName = (algorithm != null) ? algorithm.header().toLowerCase(Locale.ROOT) : "";
		this.decodedLength = decodedLength;
		this.corrupt = corrupt;
	}

	/** Whether there is anything to do: a checksum to check or a byte to flip. */
	boolean active() {
		return this.checksum != null || this.corrupt;
	}

	boolean flipped() {
		return this.flipped;
	}

	/**
	 * Whether the last byte of data has just passed and the trailer should be read ahead; true once.
	 */
	boolean wantsRest() {
		if (this.lastDataPassed && this.state != State.DONE) {
			this.lastDataPassed = false;
			return true;
		}
		return false;
	}

	/**
	 * Takes the next {@code length} body bytes in {@code buffer}, which were just read, flipping one
	 * of them for a corrupt fault; fails with {@code BadDigest} once the trailer shows a checksum that
	 * does not match the data.
	 */
	void accept(byte[] buffer, int offset, int length) throws IOException {
		int end = offset + length;
		int i = offset;
		while (i < end && this.state != State.DONE) {
			if (this.state == State.DATA) {
				int n = (int) Math.min(this.remaining, end - i);
				if (this.flipAt >= 0) {
					if (this.flipAt < n) {
						buffer[i + (int) this.flipAt] ^= (byte) 0xFF;
						this.flipAt = -1;
						this.flipped = true;
					}
					else {
						this.flipAt -= n;
					}
				}
				if (this.checksum != null) {
					this.checksum.update(buffer, i, n);
				}
				this.remaining -= n;
				this.dataSeen += n;
				i += n;
				if (this.remaining == 0) {
					this.state = State.DATA_END;
					this.lastDataPassed = this.dataSeen == this.decodedLength;
				}
				continue;
			}
			byte b = buffer[i++];
			if (b == '\n') {
				int size = this.line.length();
				String text = (size > 0 && this.line.charAt(size - 1) == '\r') ? this.line.substring(0, size - 1)
						: this.line.toString();
				this.line.setLength(0);
				line(text);
			}
			else if (this.line.length() < MAX_LINE) {
				this.line.append((char) (b & 0xFF));
			}
			else {
				this.state = State.DONE;
			}
		}
	}

	private void line(String text) throws IOException {
		switch (this.state) {
			case DATA_END -> this.state = text.isEmpty() ? State.HEADER : State.DONE;
			case HEADER -> {
				int semicolon = text.indexOf(';');
				long size = parseSize((semicolon < 0) ? text : text.substring(0, semicolon));
				if (size < 0) {
					this.state = State.DONE;
				}
				else if (size == 0) {
					this.state = State.TRAILER;
				}
				else {
					this.remaining = size;
					this.state = State.DATA;
					if (this.firstChunk && this.corrupt) {
						this.flipAt = Math.min(CORRUPT_OFFSET, size - 1);
					}
					this.firstChunk = false;
				}
			}
			case TRAILER -> {
				if (text.isEmpty()) {
					this.state = State.DONE;
					verify();
				}
				else if (text.toLowerCase(Locale.ROOT).startsWith(this.trailerName + ":")) {
					this.trailerValue = text.substring(this.trailerName.length() + 1).trim();
				}
			}
			default -> {
			}
		}
	}

	private void verify() throws IOException {
		if (this.checksum == null || this.trailerValue == null) {
			return;
		}
		String computed = Base64.getEncoder().encodeToString(this.checksum.getChecksumBytes());
		if (!computed.equals(this.trailerValue)) {
			// The exception S3Proxy's own trailer check throws: S3Proxy answers it as 400 BadDigest.
			throw new IOException(new S3ProxyException(S3ErrorCode.BAD_DIGEST));
		}
	}

	private static long parseSize(String text) {
		String hex = text.trim();
		if (hex.isEmpty() || hex.length() > 11) {
			return -1;
		}
		try {
			long size = Long.parseLong(hex, 16);
			return (size <= MAX_CHUNK_SIZE) ? size : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
