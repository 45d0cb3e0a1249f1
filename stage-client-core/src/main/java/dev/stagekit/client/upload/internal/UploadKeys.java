package dev.stagekit.client.upload.internal;

import java.nio.charset.StandardCharsets;

import dev.stagekit.client.InvalidRequestException;

/**
 * Checks object keys and target paths before any request: S3 refuses keys longer than 1,024 bytes of UTF-8,
 * and a control character (NUL, newline, ...) in a path is never what the caller meant.
 */
final class UploadKeys {

	/** The longest object key S3 accepts, in bytes of UTF-8. */
	static final int MAX_KEY_BYTES = 1024;

	private UploadKeys() {
	}

	/**
	 * Check the object key of a file.
	 * @param key the full key (prefix, target directory and relative path)
	 * @param file what the key is for, for the message
	 * @return the key
	 */
	static String checkLength(String key, String file) {
		int length = utf8Length(key);
		if (length > MAX_KEY_BYTES) {
			throw new InvalidRequestException("object key of " + file, key, "is " + length
					+ " bytes of UTF-8, over the 1,024 the object store accepts; shorten the file's path or the "
					+ "target path (the stage or volume prefix takes " + (length - utf8Length(file)) + " bytes)");
		}
		return key;
	}

	/**
	 * Refuse control characters in a path.
	 * @param field the field, for the message
	 * @param path the path
	 * @return the path
	 */
	static String checkNoControlCharacters(String field, String path) {
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (Character.isISOControl(c)) {
				throw new InvalidRequestException(field, path.replaceAll("\\p{Cntrl}", "?"),
						"contains the control character U+" + String.format("%04X", (int) c) + " at index " + i
								+ "; remove it (object keys must not hold control characters)");
			}
		}
		return path;
	}

	static int utf8Length(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
