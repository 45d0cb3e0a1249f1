package dev.stagekit.client;

import java.time.Duration;
import java.util.List;

import dev.stagekit.client.internal.Blocking;

/**
 * Blocking face of {@link ReactiveStageManager}; throws only unchecked {@link ZillizCloudException}s.
 */
public final class StageManager {

	private final ReactiveStageManager reactive;

	private final Duration timeout;

	/**
	 * Wrap a reactive manager.
	 * @param reactive the reactive manager
	 * @param timeout the longest time to block per call
	 */
	public StageManager(ReactiveStageManager reactive, Duration timeout) {
		this.reactive = reactive;
		this.timeout = timeout;
	}

	/**
	 * Return a copy blocking at most for another timeout.
	 * @param timeout the timeout
	 * @return a new manager
	 */
	public StageManager withTimeout(Duration timeout) {
		return new StageManager(this.reactive, timeout);
	}

	/**
	 * Return the blocking timeout.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * Create a stage.
	 * @param projectId the project
	 * @param regionId the region
	 * @param stageName the stage
	 */
	public void create(String projectId, String regionId, String stageName) {
		Blocking.block(this.reactive.create(projectId, regionId, stageName), this.timeout);
	}

	/**
	 * Create a stage.
	 * @param request the request
	 */
	public void create(CreateStageRequest request) {
		Blocking.block(this.reactive.create(request), this.timeout);
	}

	/**
	 * Fetch one page of stages.
	 * @param projectId the project
	 * @param currentPage the 1-based page
	 * @param pageSize the page size
	 * @return the page
	 */
	public Page<StageInfo> listPage(String projectId, int currentPage, int pageSize) {
		return Blocking.blockValue(this.reactive.listPage(projectId, currentPage, pageSize), this.timeout);
	}

	/**
	 * List all stages of a project.
	 * @param projectId the project
	 * @return the stages
	 */
	public List<StageInfo> listAll(String projectId) {
		return Blocking.blockValue(this.reactive.listAll(projectId).collectList(), this.timeout);
	}

	/**
	 * Delete a stage.
	 * @param stageName the stage
	 */
	public void delete(String stageName) {
		Blocking.block(this.reactive.delete(stageName), this.timeout);
	}

}
