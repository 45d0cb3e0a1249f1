package dev.stagekit.client.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.stagekit.client.CreateVolumeRequest;
import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.ListVolumesRequest;
import dev.stagekit.client.Page;
import dev.stagekit.client.ReactiveVolumeManager;
import dev.stagekit.client.VolumeInfo;
import dev.stagekit.client.VolumeType;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Typed volume face over the shared {@link ResourceManager}.
 */
public final class DefaultReactiveVolumeManager implements ReactiveVolumeManager {

	private final ControlPlaneClient client;

	private final ResourceManager<VolumeInfo> resources;

	/**
	 * Create the manager.
	 * @param client the engine
	 */
	public DefaultReactiveVolumeManager(ControlPlaneClient client) {
		this(client, ResourceManager.LIST_ALL_PAGE_SIZE);
	}

	/**
	 * Create the manager with a custom page size for {@link #listAll}.
	 * @param client the engine
	 * @param listAllPageSize the page size used when streaming all volumes (1..100)
	 */
	public DefaultReactiveVolumeManager(ControlPlaneClient client, int listAllPageSize) {
		this.client = client;
		this.resources = new ResourceManager<>(client, ResourceKind.VOLUME, DefaultReactiveVolumeManager::decode,
				VolumeInfo::volumeName, listAllPageSize);
	}

	@Override
	public Mono<Void> create(CreateVolumeRequest request) {
		return Mono.defer(() -> {
			String projectId = Validation.required("projectId", orDefault(request.projectId(), settingsProject()));
			String regionId = Validation.required("regionId",
					orDefault(request.regionId(), this.client.settings().regionId()));
			String name = Validation.name("volumeName", request.volumeName());
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("projectId", projectId);
			body.put("regionId", regionId);
			body.put("volumeName", name);
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
		return Mono.defer(() -> this.resources.listPage(projectOf(request.projectId()), request.currentPage(),
				request.pageSize(), filters(request.type())));
	}

	@Override
	public Flux<VolumeInfo> listAll(@Nullable String projectId, @Nullable VolumeType type) {
		return Flux.defer(() -> this.resources.listAll(projectOf(projectId), filters(type)));
	}

	@Override
	public Mono<VolumeInfo> describe(String volumeName) {
		return this.resources.describe(volumeName);
	}

	@Override
	public Mono<Void> delete(String volumeName) {
		return this.resources.delete(volumeName);
	}

	private @Nullable String settingsProject() {
		return this.client.settings().projectId();
	}

	private String projectOf(@Nullable String projectId) {
		return Validation.required("projectId", orDefault(projectId, settingsProject()));
	}

	private static @Nullable String orDefault(@Nullable String value, @Nullable String defaultValue) {
		return (value != null) ? value : defaultValue;
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
