package dev.stagekit.client.control;

import dev.stagekit.client.Page;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive management of legacy stages ({@code /v2/stages}); the same shape as
 * {@link ReactiveVolumeManager}.
 *
 * @since 0.1.0
 */
public interface ReactiveStageManager {

	/**
	 * Create a stage.
	 * @param request the request
	 * @return completion
	 */
	Mono<Void> create(CreateStageRequest request);

	/**
	 * Fetch one page of stages.
	 * @param request the request
	 * @return the page
	 */
	Mono<Page<StageInfo>> listPage(ListStagesRequest request);

	/**
	 * Stream all stages of a project, fetching pages lazily.
	 * @param projectId the project, or {@code null} for the default project
	 * @return the stages
	 */
	Flux<StageInfo> listAll(@Nullable String projectId);

	/**
	 * Stream all stages of the default project.
	 * @return the stages
	 */
	default Flux<StageInfo> listAll() {
		return listAll(null);
	}

	/**
	 * Delete a stage.
	 * @param stageName the stage
	 * @return completion
	 */
	Mono<Void> delete(String stageName);

}
