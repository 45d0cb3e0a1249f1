package dev.stagekit.client.control;

import java.time.Duration;
import java.util.List;

import dev.stagekit.client.BlockingClient;
import dev.stagekit.client.Page;
import org.jspecify.annotations.Nullable;

/**
 * Blocking face of {@link ReactiveStageManager}; throws only unchecked
 * {@link dev.stagekit.client.ZillizCloudException}s.
 *
 * @since 0.1.0
 */
public final class StageManager extends BlockingClient<ReactiveStageManager, StageManager> {

	/**
	 * Wrap a reactive manager.
	 * @param reactive the reactive manager
	 * @param timeout the longest time to block per call
	 */
	public StageManager(ReactiveStageManager reactive, Duration timeout) {
		super(reactive, timeout, StageManager::new);
	}

	/**
	 * Create a stage.
	 * @param request the request
	 */
	public void create(CreateStageRequest request) {
		run((stages) -> stages.create(request));
	}

	/**
	 * Fetch one page of stages.
	 * @param request the request
	 * @return the page
	 */
	public Page<StageInfo> listPage(ListStagesRequest request) {
		return get((stages) -> stages.listPage(request));
	}

	/**
	 * List all stages of a project.
	 * @param projectId the project, or {@code null} for the default
	 * @return the stages
	 */
	public List<StageInfo> listAll(@Nullable String projectId) {
		return list((stages) -> stages.listAll(projectId));
	}

	/**
	 * List all stages of the default project.
	 * @return the stages
	 */
	public List<StageInfo> listAll() {
		return listAll(null);
	}

	/**
	 * Delete a stage.
	 * @param stageName the stage
	 */
	public void delete(String stageName) {
		run((stages) -> stages.delete(stageName));
	}

}
