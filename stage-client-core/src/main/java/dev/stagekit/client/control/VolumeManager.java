package dev.stagekit.client.control;

import java.time.Duration;
import java.util.List;

import dev.stagekit.client.BlockingClient;
import dev.stagekit.client.Page;
import org.jspecify.annotations.Nullable;

/**
 * Blocking face of {@link ReactiveVolumeManager}; throws only unchecked
 * {@link dev.stagekit.client.ZillizCloudException}s.
 *
 * @since 0.1.0
 */
public final class VolumeManager extends BlockingClient<ReactiveVolumeManager, VolumeManager> {

	/**
	 * Wrap a reactive manager.
	 * @param reactive the reactive manager
	 * @param timeout the longest time to block per call
	 */
	public VolumeManager(ReactiveVolumeManager reactive, Duration timeout) {
		super(reactive, timeout, VolumeManager::new);
	}

	/**
	 * Create a volume.
	 * @param request the request
	 */
	public void create(CreateVolumeRequest request) {
		run((volumes) -> volumes.create(request));
	}

	/**
	 * Fetch one page of volumes.
	 * @param request the request
	 * @return the page
	 */
	public Page<VolumeInfo> listPage(ListVolumesRequest request) {
		return get((volumes) -> volumes.listPage(request));
	}

	/**
	 * List all volumes of a project.
	 * @param projectId the project, or {@code null} for the default
	 * @param type an optional type filter
	 * @return the volumes
	 */
	public List<VolumeInfo> listAll(@Nullable String projectId, @Nullable VolumeType type) {
		return list((volumes) -> volumes.listAll(projectId, type));
	}

	/**
	 * List all volumes of the default project.
	 * @return the volumes
	 */
	public List<VolumeInfo> listAll() {
		return listAll(null, null);
	}

	/**
	 * Describe a volume.
	 * @param volumeName the volume
	 * @return the volume
	 */
	public VolumeInfo describe(String volumeName) {
		return get((volumes) -> volumes.describe(volumeName));
	}

	/**
	 * Delete a volume.
	 * @param volumeName the volume
	 */
	public void delete(String volumeName) {
		run((volumes) -> volumes.delete(volumeName));
	}

}
