package dev.stagekit.emulator.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

/**
 * The request as S3Proxy sees it: its body counted, checked and perhaps corrupted by a
 * {@link GateInputStream} and, for a bearer-token request already checked here, without the
 * Authorization header.
 */
final class CountingRequest extends HttpServletRequestWrapper {

	private final RequestCounters counters;

	private final boolean hideAuthorization;

	private final boolean corrupt;

	private @Nullable ServletInputStream counted;

	CountingRequest(HttpServletRequest request, RequestCounters counters, boolean hideAuthorization,
			boolean corrupt) {
		super(request);
		this.counters = counters;
		this.hideAuthorization = hideAuthorization;
		this.corrupt = corrupt;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (this.counted == null) {
			ServletInputStream in = super.getInputStream();
			AwsChunkedBody chunked = isAwsChunked(this)
					? new AwsChunkedBody(getHeader("x-amz-trailer"), decodedLength(this), this.corrupt) : null;
			this.counted = new GateInputStream(in, (chunked != null && chunked.active()) ? chunked : null,
					this.corrupt && chunked == null);
		}
		return this.counted;
	}

	@Override
	public @Nullable String getHeader(String name) {
		return (this.hideAuthorization && name.equalsIgnoreCase("Authorization")) ? null : super.getHeader(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return (this.hideAuthorization && name.equalsIgnoreCase("Authorization")) ? Collections.emptyEnumeration()
				: super.getHeaders(name);
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		if (!this.hideAuthorization) {
			return super.getHeaderNames();
		}
		return Collections.enumeration(Collections.list(super.getHeaderNames())
			.stream()
			.filter((name) -> !name.toLowerCase(Locale.ROOT).equals("authorization"))
			.toList());
	}

	private static boolean isAwsChunked(HttpServletRequest request) {
		String encoding = Optional.ofNullable(request.getHeader("Content-Encoding")).orElse("");
		String contentSha256 = Optional.ofNullable(request.getHeader("x-amz-content-sha256")).orElse("");
		return encoding.toLowerCase(Locale.ROOT).contains("aws-chunked") || contentSha256.startsWith("STREAMING-");
	}

	private static long decodedLength(HttpServletRequest request) {
		String decoded = request.getHeader("x-amz-decoded-content-length");
		return (decoded != null) ? DataPlane.parseLong(decoded) : -1;
	}

	/**
	 * The request body as S3Proxy reads it: counted into the data-plane byte counter, run through an
	 * {@link AwsChunkedBody} when it is {@code aws-chunked} (which may flip a byte and checks the
	 * trailing checksum, reading the trailer ahead), or, for a corrupt fault on any other body, with
	 * the middle byte of the first read flipped.
	 */
	private final class GateInputStream extends ServletInputStream {

		private static final int MAX_READ_AHEAD = 64 * 1024;

		private final ServletInputStream in;

		private final @Nullable AwsChunkedBody chunked;

		private boolean flipFirstRead;

		private byte[] ahead = new byte[0];

		private int aheadIndex;

		private final byte[] one = new byte[1];

		GateInputStream(ServletInputStream in, @Nullable AwsChunkedBody chunked, boolean flipFirstRead) {
			this.in = in;
			this.chunked = chunked;
			this.flipFirstRead = flipFirstRead;
		}

		@Override
		public int read() throws IOException {
			int read = read(this.one, 0, 1);
			return (read < 0) ? -1 : (this.one[0] & 0xFF);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			if (this.aheadIndex < this.ahead.length) {
				int n = Math.min(length, this.ahead.length - this.aheadIndex);
				System.arraycopy(this.ahead, this.aheadIndex, buffer, offset, n);
				this.aheadIndex += n;
				return n;
			}
			int read = this.in.read(buffer, offset, length);
			if (read <= 0) {
				return read;
			}
			CountingRequest.this.counters.addDataPlaneBytes(read);
			if (this.flipFirstRead) {
				buffer[offset + read / 2] ^= (byte) 0xFF;
				this.flipFirstRead = false;
			}
			if (this.chunked != null) {
				this.chunked.accept(buffer, offset, read);
				if (this.chunked.wantsRest()) {
					readAhead();
				}
			}
			return read;
		}

		/** Reads the rest of the body (the last chunk and the trailer) so the checksum is checked now. */
		private void readAhead() throws IOException {
			ByteArrayOutputStream rest = new ByteArrayOutputStream();
			byte[] buffer = new byte[1024];
			while (rest.size() < MAX_READ_AHEAD) {
				int read = this.in.read(buffer, 0, buffer.length);
				if (read < 0) {
					break;
				}
				rest.write(buffer, 0, read);
			}
			this.ahead = rest.toByteArray();
			this.aheadIndex = 0;
			CountingRequest.this.counters.addDataPlaneBytes(this.ahead.length);
			if (this.chunked != null) {
				this.chunked.accept(this.ahead, 0, this.ahead.length);
			}
		}

		@Override
		public boolean isFinished() {
			return this.aheadIndex >= this.ahead.length && this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.aheadIndex < this.ahead.length || this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
