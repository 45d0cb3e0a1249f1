package dev.stagekit.client.job;

import org.jspecify.annotations.Nullable;

/**
 * Request for one page of import jobs.
 *
 * @param clusterId the cluster (defaults to the settings' cluster)
 * @param dbName optional database
 * @param collectionName optional collection filter
 * @param currentPage the 1-based page
 * @param pageSize the page size, 1..100
 * @since 0.1.0
 */
public record ListImportJobsRequest(@Nullable String clusterId, @Nullable String dbName,
		@Nullable String collectionName, int currentPage, int pageSize) {

	/**
	 * First page of 10 jobs on the default cluster.
	 * @return a request
	 */
	public static ListImportJobsRequest firstPage() {
		return new ListImportJobsRequest(null, null, null, 1, 10);
	}

	/**
	 * Return a copy filtered by collection.
	 * @param collectionName the collection
	 * @return a request
	 */
	public ListImportJobsRequest withCollectionName(@Nullable String collectionName) {
		return new ListImportJobsRequest(this.clusterId, this.dbName, collectionName, this.currentPage, this.pageSize);
	}

	/**
	 * Return a copy for another page.
	 * @param currentPage the 1-based page
	 * @param pageSize the page size
	 * @return a request
	 */
	public ListImportJobsRequest withPage(int currentPage, int pageSize) {
		return new ListImportJobsRequest(this.clusterId, this.dbName, this.collectionName, currentPage, pageSize);
	}

}
