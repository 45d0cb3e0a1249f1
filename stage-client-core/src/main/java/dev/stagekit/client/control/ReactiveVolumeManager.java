package dev.stagekit.client.control;

import dev.stagekit.client.Page;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive management of volumes ({@code /v2/volumes}).
 *
 * @since 0.1.0
 */
public interface ReactiveVolumeManager {

	/**
	 * Create a volume.
	 * @param request the request
	 * @return completion
	 */
	Mono<Void> create(CreateVolumeRequest request);

	/**
	 * Fetch one page of volumes.
	 * @param request the request
	 * @return the page
	 */
	Mono<Page<VolumeInfo>> listPage(ListVolumesRequest request);

	/**
	 * Stream all volumes of a project, fetching pages lazily.
	 * @param projectId the project, or {@code null} for the default project
	 * @param type an optional type filter
	 * @return the volumes
	 */
	Flux<VolumeInfo> listAll(@Nullable String projectId, @Nullable VolumeType type);

	/**
	 * Stream all volumes of the default project.
	 * @return the volumes
	 */
	default Flux<VolumeInfo> listAll() {
		return listAll(null, null);
	}

	/**
	 * Describe a volume.
	 * @param volumeName the volume
	 * @return the volume
	 */
	Mono<VolumeInfo> describe(String volumeName);

	/**
	 * Delete a volume (and, for managed volumes, its files).
	 * @param volumeName the volume
	 * @return completion
	 */
	Mono<Void> delete(String volumeName);

}
