package dev.stagekit.client.control;

import org.jspecify.annotations.Nullable;

/**
 * Request for one page of volumes.
 *
 * @param projectId the project id (defaults to the settings' project)
 * @param currentPage the 1-based page
 * @param pageSize the page size, 1..100
 * @param type optional type filter
 * @since 0.1.0
 */
public record ListVolumesRequest(@Nullable String projectId, int currentPage, int pageSize,
		@Nullable VolumeType type) {

	/**
	 * First page of 10 volumes of any type in the default project.
	 * @return a request
	 */
	public static ListVolumesRequest firstPage() {
		return new ListVolumesRequest(null, 1, 10, null);
	}

	/**
	 * Return a copy for another project.
	 * @param projectId the project id
	 * @return a request
	 */
	public ListVolumesRequest withProjectId(@Nullable String projectId) {
		return new ListVolumesRequest(projectId, this.currentPage, this.pageSize, this.type);
	}

	/**
	 * Return a copy for another page.
	 * @param currentPage the 1-based page
	 * @param pageSize the page size
	 * @return a request
	 */
	public ListVolumesRequest withPage(int currentPage, int pageSize) {
		return new ListVolumesRequest(this.projectId, currentPage, pageSize, this.type);
	}

	/**
	 * Return a copy with a type filter.
	 * @param type the type, or {@code null} for all
	 * @return a request
	 */
	public ListVolumesRequest withType(@Nullable VolumeType type) {
		return new ListVolumesRequest(this.projectId, this.currentPage, this.pageSize, type);
	}

}
