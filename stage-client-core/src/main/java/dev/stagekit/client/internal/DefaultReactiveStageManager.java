package dev.stagekit.client.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.stagekit.client.CreateStageRequest;
import dev.stagekit.client.Page;
import dev.stagekit.client.ReactiveStageManager;
import dev.stagekit.client.StageInfo;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Typed stage face over the shared {@link ResourceManager}.
 */
public final class DefaultReactiveStageManager implements ReactiveStageManager {

	private final ResourceManager<StageInfo> resources;

	/**
	 * Create the manager.
	 * @param client the engine
	 */
	public DefaultReactiveStageManager(ControlPlaneClient client) {
		this.resources = new ResourceManager<>(client, ResourceKind.STAGE,
				(node) -> new StageInfo(Json.text(node, ResourceKind.STAGE.nameField())), StageInfo::stageName);
	}

	@Override
	public Mono<Void> create(CreateStageRequest request) {
		return Mono.defer(() -> {
			String projectId = Validation.required("projectId", request.projectId());
			String regionId = Validation.required("regionId", request.regionId());
			String name = Validation.name("stageName", request.stageName());
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("projectId", projectId);
			body.put("regionId", regionId);
			body.put("stageName", name);
			return this.resources.create(projectId, name, body);
		});
	}

	@Override
	public Mono<Page<StageInfo>> listPage(String projectId, int currentPage, int pageSize) {
		return this.resources.listPage(projectId, currentPage, pageSize, Map.of());
	}

	@Override
	public Flux<StageInfo> listAll(String projectId) {
		return this.resources.listAll(projectId, Map.of());
	}

	@Override
	public Mono<Void> delete(String stageName) {
		return this.resources.delete(stageName);
	}

}
