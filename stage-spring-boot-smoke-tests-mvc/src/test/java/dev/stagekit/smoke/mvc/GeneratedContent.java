package dev.stagekit.smoke.mvc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Bytes computed from their position, so that a test can send a file of any size and know its SHA-256 without
 * holding it in memory: every instance with the same seed and size streams the same bytes.
 */
final class GeneratedContent extends InputStream {

	private final long seed;

	private final long size;

	private long position;

	GeneratedContent(long seed, long size) {
		this.seed = seed;
		this.size = size;
	}

	@Override
	public int read() {
		return (this.position < this.size) ? byteAt(this.position++) & 0xff : -1;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		if (length == 0) {
			return 0;
		}
		if (this.position >= this.size) {
			return -1;
		}
		int count = (int) Math.min(length, this.size - this.position);
		for (int i = 0; i < count; i++) {
			buffer[offset + i] = byteAt(this.position++);
		}
		return count;
	}

	private byte byteAt(long index) {
		// SplitMix64's finaliser of the word that holds the byte.
		long z = this.seed + (index >>> 3) * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		z = z ^ (z >>> 31);
		return (byte) (z >>> ((index & 7) * 8));
	}

	/** The SHA-256 of {@code size} bytes of {@code seed}, in lower-case hex, streamed. */
	static String sha256(long seed, long size) {
		try (InputStream content = new GeneratedContent(seed, size)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[64 * 1024];
			for (int read = content.read(buffer); read > 0; read = content.read(buffer)) {
				digest.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
