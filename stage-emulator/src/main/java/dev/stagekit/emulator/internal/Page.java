package dev.stagekit.emulator.internal;

import java.util.List;

import dev.stagekit.emulator.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * A page of a list: absent or 0 means the defaults (page 1 of 10), larger values are checked.
 *
 * @param currentPage the page, from 1
 * @param pageSize items per page, 1 to 100
 */
record Page(int currentPage, int pageSize) {

	static final int MAX_PAGE_SIZE = 100;

	static Page of(@Nullable String currentPage, @Nullable String pageSize) {
		int page = parse("currentPage", currentPage, Integer.MAX_VALUE, "0 or more");
		int size = parse("pageSize", pageSize, MAX_PAGE_SIZE, "between 0 and " + MAX_PAGE_SIZE);
		return new Page((page != 0) ? page : 1, (size != 0) ? size : 10);
	}

	private static int parse(String parameter, @Nullable String value, int max, String range) {
		if (value == null || value.isEmpty()) {
			return 0;
		}
		int parsed;
		try {
			parsed = Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			parsed = -1;
		}
		if (parsed < 0 || parsed > max) {
			throw new ApiException(ErrorCode.INVALID_PAGE,
					parameter + " must be an integer " + range + ", was '" + value + "'");
		}
		return parsed;
	}

	<T> List<T> slice(List<T> items) {
		long from = (long) (this.currentPage - 1) * this.pageSize;
		if (from >= items.size()) {
			return List.of();
		}
		return items.subList((int) from, (int) Math.min(items.size(), from + this.pageSize));
	}

}
