package dev.stagekit.client.upload.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Computes locally the ETag S3 gives an object uploaded by this engine: the MD5 of the content for a
 * single request, or the MD5 of the parts' MD5s followed by {@code -<parts>} for a multipart upload.
 * Reads the file once, in small chunks.
 */
final class Etags {

	private Etags() {
	}

	static String of(Path file, long size, long partSize) throws IOException {
		MessageDigest whole = md5();
		if (size <= partSize) {
			try (InputStream in = Files.newInputStream(file)) {
				digest(in, whole, Long.MAX_VALUE);
			}
			return HexFormat.of().formatHex(whole.digest());
		}
		long parts = 0;
		try (InputStream in = Files.newInputStream(file)) {
			long left = size;
			while (left > 0) {
				MessageDigest part = md5();
				long read = digest(in, part, Math.min(partSize, left));
				if (read == 0) {
					break;
				}
				whole.update(part.digest());
				left -= read;
				parts++;
			}
		}
		return HexFormat.of().formatHex(whole.digest()) + "-" + parts;
	}

	/**
	 * The MD5 of one slice of a file, as the ETag of a part holding it.
	 */
	static String ofSlice(Path file, long offset, long length) throws IOException {
		MessageDigest digest = md5();
		try (InputStream in = Files.newInputStream(file)) {
			in.skipNBytes(offset);
			digest(in, digest, length);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	static String normalize(String etag) {
		String trimmed = etag.trim();
		if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
			trimmed = trimmed.substring(1, trimmed.length() - 1);
		}
		return trimmed.toLowerCase(Locale.ROOT);
	}

	private static long digest(InputStream in, MessageDigest digest, long limit) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		while (total < limit) {
			int read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total));
			if (read < 0) {
				break;
			}
			digest.update(buffer, 0, read);
			total += read;
		}
		return total;
	}

	private static MessageDigest md5() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is not available", ex);
		}
	}

}
