package dev.stagekit.client;

import java.time.Duration;
import java.util.List;

import dev.stagekit.client.internal.Blocking;
import org.jspecify.annotations.Nullable;

/**
 * Blocking face of {@link ReactiveVolumeManager}; throws only unchecked {@link ZillizCloudException}s.
 */
public final class VolumeManager {

	private final ReactiveVolumeManager reactive;

	private final Duration timeout;

	/**
	 * Wrap a reactive manager.
	 * @param reactive the reactive manager
	 * @param timeout the longest time to block per call
	 */
	public VolumeManager(ReactiveVolumeManager reactive, Duration timeout) {
		this.reactive = reactive;
		this.timeout = timeout;
	}

	/**
	 * Return a copy blocking at most for another timeout.
	 * @param timeout the timeout
	 * @return a new manager
	 */
	public VolumeManager withTimeout(Duration timeout) {
		return new VolumeManager(this.reactive, timeout);
	}

	/**
	 * Return the blocking timeout.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * Create a volume.
	 * @param request the request
	 */
	public void create(CreateVolumeRequest request) {
		Blocking.block(this.reactive.create(request), this.timeout);
	}

	/**
	 * Fetch one page of volumes.
	 * @param request the request
	 * @return the page
	 */
	public Page<VolumeInfo> listPage(ListVolumesRequest request) {
		return Blocking.blockValue(this.reactive.listPage(request), this.timeout);
	}

	/**
	 * List all volumes of a project.
	 * @param projectId the project, or {@code null} for the default
	 * @param type an optional type filter
	 * @return the volumes
	 */
	public List<VolumeInfo> listAll(@Nullable String projectId, @Nullable VolumeType type) {
		return Blocking.blockValue(this.reactive.listAll(projectId, type).collectList(), this.timeout);
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
		return Blocking.blockValue(this.reactive.describe(volumeName), this.timeout);
	}

	/**
	 * Delete a volume.
	 * @param volumeName the volume
	 */
	public void delete(String volumeName) {
		Blocking.block(this.reactive.delete(volumeName), this.timeout);
	}

}
