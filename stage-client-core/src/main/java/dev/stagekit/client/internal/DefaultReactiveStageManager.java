package dev.stagekit.client.internal;

import java.util.Map;

import dev.stagekit.client.Kind;
import dev.stagekit.client.Page;
import dev.stagekit.client.control.CreateStageRequest;
import dev.stagekit.client.control.ListStagesRequest;
import dev.stagekit.client.control.ReactiveStageManager;
import dev.stagekit.client.control.StageInfo;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Typed stage face over the shared {@link ResourceManager}.
 */
final class DefaultReactiveStageManager implements ReactiveStageManager {

	private final ResourceManager<StageInfo> resources;

	DefaultReactiveStageManager(ControlPlaneClient client) {
		KindApi kind = KindApi.of(Kind.STAGE);
		this.resources = new ResourceManager<>(client, kind, (node) -> new StageInfo(Json.text(node, kind.nameField())),
				StageInfo::stageName);
	}

	@Override
	public Mono<Void> create(CreateStageRequest request) {
		return Mono.defer(() -> {
			String projectId = this.resources.projectOf(request.projectId());
			String name = Validation.name("stageName", request.stageName());
			return this.resources.create(projectId, name,
					this.resources.createBody(projectId, this.resources.regionOf(request.regionId()), name));
		});
	}

	@Override
	public Mono<Page<StageInfo>> listPage(ListStagesRequest request) {
		return Mono.defer(() -> this.resources.listPage(this.resources.projectOf(request.projectId()),
				request.currentPage(), request.pageSize(), Map.of()));
	}

	@Override
	public Flux<StageInfo> listAll(@Nullable String projectId) {
		return Flux.defer(() -> this.resources.listAll(this.resources.projectOf(projectId), Map.of()));
	}

	@Override
	public Mono<Void> delete(String stageName) {
		return this.resources.delete(stageName);
	}

}
