package dev.stagekit.client.control;

import org.jspecify.annotations.Nullable;

/**
 * Request for one page of stages.
 *
 * @param projectId the project id (defaults to the settings' project)
 * @param currentPage the 1-based page
 * @param pageSize the page size, 1..100
 * @since 0.1.0
 */
public record ListStagesRequest(@Nullable String projectId, int currentPage, int pageSize) {

	/**
	 * First page of 10 stages in the default project.
	 * @return a request
	 */
	public static ListStagesRequest firstPage() {
		return new ListStagesRequest(null, 1, 10);
	}

	/**
	 * Return a copy for another project.
	 * @param projectId the project id
	 * @return a request
	 */
	public ListStagesRequest withProjectId(@Nullable String projectId) {
		return new ListStagesRequest(projectId, this.currentPage, this.pageSize);
	}

	/**
	 * Return a copy for another page.
	 * @param currentPage the 1-based page
	 * @param pageSize the page size
	 * @return a request
	 */
	public ListStagesRequest withPage(int currentPage, int pageSize) {
		return new ListStagesRequest(this.projectId, currentPage, pageSize);
	}

}
