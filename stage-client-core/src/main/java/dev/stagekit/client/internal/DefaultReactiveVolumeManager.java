package dev.stagekit.client.internal;

import java.util.Locale;
import java.util.Map;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.Kind;
import dev.stagekit.client.Page;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.control.ListVolumesRequest;
import dev.stagekit.client.control.ReactiveVolumeManager;
import dev.stagekit.client.control.VolumeInfo;
import dev.stagekit.client.control.VolumeType;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Typed volume face over the shared {@link ResourceManager}.
 */
final class DefaultReactiveVolumeManager implements ReactiveVolumeManager {

	private final ResourceManager<VolumeInfo> resources;

	DefaultReactiveVolumeManager(ControlPlaneClient client, int listAllPageSize) {
		this.resources = new ResourceManager<>(client, KindApi.of(Kind.VOLUME), DefaultReactiveVolumeManager::decode,
				VolumeInfo::volumeName, listAllPageSize);
	}

	@Override
	public Mono<Void> create(CreateVolumeRequest request) {
		return Mono.defer(() -> {
			String projectId = this.resources.projectOf(request.projectId());
			String regionId = this.resources.regionOf(request.regionId());
			String name = Validation.name("volumeName", request.volumeName());
			Map<String, Object> body = this.resources.createBody(projectId, regionId, name);
			body.put("type", request.type().name());
			if (request.type() == VolumeType.EXTERNAL) {
				body.put("storageIntegrationId",
						Validation.required("storageIntegrationId", request.storageIntegrationId()));
				String path = Validation.directory("path", request.path());
				if (path != null) {
					body.put("path", path);
				}
			}
			else if (request.storageIntegrationId() != null || request.path() != null) {
				throw new InvalidRequestException("type", request.type(),
						"storageIntegrationId and path are only allowed for EXTERNAL volumes");
			}
			return this.resources.create(projectId, name, body);
		});
	}

	@Override
	public Mono<Page<VolumeInfo>> listPage(ListVolumesRequest request) {
		return Mono.defer(() -> this.resources.listPage(this.resources.projectOf(request.projectId()),
				request.currentPage(), request.pageSize(), filters(request.type())));
	}

	@Override
	public Flux<VolumeInfo> listAll(@Nullable String projectId, @Nullable VolumeType type) {
		return Flux.defer(() -> this.resources.listAll(this.resources.projectOf(projectId), filters(type)));
	}

	@Override
	public Mono<VolumeInfo> describe(String volumeName) {
		return this.resources.describe(volumeName);
	}

	@Override
	public Mono<Void> delete(String volumeName) {
		return this.resources.delete(volumeName);
	}

	private static Map<String, String> filters(@Nullable VolumeType type) {
		return (type != null) ? Map.of("type", type.name()) : Map.of();
	}

	static VolumeInfo decode(JsonNode node) {
		String type = Json.optText(node, "type");
		return new VolumeInfo(Json.text(node, "volumeName"),
				(type != null && !type.isBlank()) ? VolumeType.valueOf(type.toUpperCase(Locale.ROOT)) : null,
				Json.optText(node, "regionId"), Json.optText(node, "storageIntegrationId"), Json.optText(node, "path"),
				Json.optText(node, "status"), Json.optInstant(node, "createTime"));
	}

}
