package dev.stagekit.client;

import java.util.List;

/**
 * One page of a paged listing.
 *
 * @param <T> the item type
 * @param count the total number of items across all pages
 * @param currentPage the 1-based page number
 * @param pageSize the page size
 * @param items the items of this page
 * @since 0.1.0
 */
public record Page<T>(int count, int currentPage, int pageSize, List<T> items) {

	/** Copy the items. */
	public Page {
		items = List.copyOf(items);
	}

	/**
	 * Whether a later page may hold more items.
	 * @return {@code true} if another page should be fetched
	 */
	public boolean hasNext() {
		return !this.items.isEmpty() && (long) this.currentPage * this.pageSize < this.count;
	}

}
