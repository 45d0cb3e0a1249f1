package dev.stagekit.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive management of legacy stages ({@code /v2/stages}).
 */
public interface ReactiveStageManager {

	/**
	 * Create a stage.
	 * @param projectId the project
	 * @param regionId the region
	 * @param stageName the stage name
	 * @return completion
	 */
	default Mono<Void> create(String projectId, String regionId, String stageName) {
		return create(new CreateStageRequest(projectId, regionId, stageName));
	}

	/**
	 * Create a stage.
	 * @param request the request
	 * @return completion
	 */
	Mono<Void> create(CreateStageRequest request);

	/**
	 * Fetch one page of stages.
	 * @param projectId the project
	 * @param currentPage the 1-based page
	 * @param pageSize the page size, 1..100
	 * @return the page
	 */
	Mono<Page<StageInfo>> listPage(String projectId, int currentPage, int pageSize);

	/**
	 * Stream all stages of a project, fetching pages lazily.
	 * @param projectId the project
	 * @return the stages
	 */
	Flux<StageInfo> listAll(String projectId);

	/**
	 * Delete a stage.
	 * @param stageName the stage
	 * @return completion
	 */
	Mono<Void> delete(String stageName);

}
