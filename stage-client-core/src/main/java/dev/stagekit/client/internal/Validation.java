package dev.stagekit.client.internal;

import java.util.regex.Pattern;

import dev.stagekit.client.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks made before any request is sent.
 */
final class Validation {

	private static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_-]{0,63}$");

	/** The naming rule in words. */
	static final String NAME_RULE = "must be 1 to 64 characters, start with a letter or underscore, "
			+ "and contain only letters, digits, hyphens and underscores";

	/** Largest page size. */
	static final int MAX_PAGE_SIZE = 100;

	private Validation() {
	}

	/**
	 * Check a stage, volume or collection name.
	 * @param field the field name
	 * @param value the value
	 * @return the value
	 */
	static String name(String field, @Nullable String value) {
		if (value == null || !NAME.matcher(value).matches()) {
			throw new InvalidRequestException(field, value, NAME_RULE);
		}
		return value;
	}

	/**
	 * Check a required, non-blank value.
	 * @param field the field name
	 * @param value the value
	 * @return the value
	 */
	static String required(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidRequestException(field, value, "is required and must not be blank");
		}
		return value;
	}

	/**
	 * Check a 1-based page number.
	 * @param currentPage the page
	 * @return the page
	 */
	static int currentPage(int currentPage) {
		if (currentPage < 1) {
			throw new InvalidRequestException("currentPage", currentPage, "must be 1 or more");
		}
		return currentPage;
	}

	/**
	 * Check a page size.
	 * @param pageSize the size
	 * @return the size
	 */
	static int pageSize(int pageSize) {
		if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			throw new InvalidRequestException("pageSize", pageSize, "must be between 1 and " + MAX_PAGE_SIZE);
		}
		return pageSize;
	}

	/**
	 * Check an optional directory path ends with '/'.
	 * @param field the field name
	 * @param path the path, or {@code null}
	 * @return the path
	 */
	static @Nullable String directory(String field, @Nullable String path) {
		if (path != null && !path.endsWith("/")) {
			throw new InvalidRequestException(field, path, "must end with '/'");
		}
		return path;
	}

}
