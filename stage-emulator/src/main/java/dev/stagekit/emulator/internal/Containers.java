package dev.stagekit.emulator.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.stagekit.emulator.EmulatorSettings;
import dev.stagekit.emulator.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * Volumes and stages: list, create, describe, delete and apply, one implementation for both
 * kinds.
 */
final class Containers {

	static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	private final EmulatorSettings settings;

	private final ControlPlaneState state;

	private final SessionRegistry sessions;

	private final ObjectStore objects;

	private final Supplier<String> dataPlaneEndpoint;

	private final Clock clock;

	Containers(EmulatorSettings settings, ControlPlaneState state, SessionRegistry sessions, ObjectStore objects,
			Supplier<String> dataPlaneEndpoint, Clock clock) {
		this.settings = settings;
		this.state = state;
		this.sessions = sessions;
		this.objects = objects;
		this.dataPlaneEndpoint = dataPlaneEndpoint;
		this.clock = clock;
	}

	/** {@code count} random lowercase letters and digits. */
	static String randomId(int count) {
		StringBuilder id = new StringBuilder(count);
		for (int i = 0; i < count; i++) {
			id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}

	Container get(ContainerKind kind, String name) {
		return this.state.find(kind, name).orElseThrow(() -> kind.notFound(name));
	}

	Map<String, Object> list(ContainerKind kind, Call call) {
		String projectId = checkProject(call.requiredQuery("projectId"));
		Page page = call.queryPage();
		String type = kind.typed() ? call.query().get("type") : null;
		String wanted = (type == null || type.isEmpty()) ? null : checkType(type);
		List<Container> matching = this.state.list(kind)
			.stream()
			.filter((container) -> container.projectId().equals(projectId))
			.filter((container) -> wanted == null || container.type().equals(wanted))
			.toList();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("count", matching.size());
		data.put("currentPage", page.currentPage());
		data.put("pageSize", page.pageSize());
		data.put(kind.listField(), page.slice(matching).stream().map((container) -> describe(kind, container)).toList());
		return data;
	}

	Map<String, Object> create(ContainerKind kind, Call call) {
		String projectId = checkProject(call.required("projectId"));
		String regionId = call.required("regionId");
		if (!this.settings.regions().contains(regionId)) {
			throw new ApiException(ErrorCode.REGION_NOT_FOUND, "regionId '" + regionId + "' does not exist");
		}
		String name = call.requiredName(kind.nameField());
		String type = kind.typed() && call.has("type") ? checkType(call.required("type")) : Container.MANAGED;
		Container container = Container.EXTERNAL.equals(type) ? external(name, projectId, regionId, call)
				: managed(kind, name, projectId, regionId, call);
		this.state.add(kind, container, kind.typed() ? this.settings.maxVolumes() : Integer.MAX_VALUE);
		return Map.of(kind.nameField(), name);
	}

	private Container managed(ContainerKind kind, String name, String projectId, String regionId, Call call) {
		String path = kind.typed() ? call.text("path") : null;
		if (path != null && !path.isEmpty()) {
			throw new ApiException(ErrorCode.INVALID_VALUE,
					"path is only allowed for EXTERNAL volumes, was '" + path + "'");
		}
		String prefix = kind.keyRoot() + "/" + randomId(12) + "/";
		return new Container(name, Container.MANAGED, projectId, regionId, prefix, null, null, this.clock.instant());
	}

	private Container external(String name, String projectId, String regionId, Call call) {
		String integrationId = call.required("storageIntegrationId");
		String integrationRegion = this.settings.storageIntegrations().get(integrationId);
		if (integrationRegion == null) {
			throw new ApiException(ErrorCode.STORAGE_INTEGRATION_NOT_FOUND,
					"storageIntegrationId '" + integrationId + "' does not exist");
		}
		if (!integrationRegion.equals(regionId)) {
			throw new ApiException(ErrorCode.REGION_MISMATCH, "storageIntegrationId '" + integrationId
					+ "' is in region '" + integrationRegion + "', not in regionId '" + regionId + "'");
		}
		String path = call.text("path");
		if (path == null || path.isEmpty()) {
			path = "";
		}
		else if (!path.endsWith("/")) {
			throw new ApiException(ErrorCode.INVALID_VALUE, "path '" + path + "' must end with '/'");
		}
		else {
			path = normalizeDirectory(path);
		}
		return new Container(name, Container.EXTERNAL, projectId, regionId,
				"external/" + integrationId + "/" + path, integrationId, path, this.clock.instant());
	}

	Map<String, Object> describe(ContainerKind kind, Call call) {
		String name = call.pathName();
		return describe(kind, get(kind, (name != null) ? name : ""));
	}

	Map<String, Object> delete(ContainerKind kind, Call call) {
		String name = (call.pathName() != null) ? call.pathName() : "";
		Container removed = this.state.remove(kind, name).orElseThrow(() -> kind.notFound(name));
		if (removed.managed()) {
			this.objects.deleteUnder(removed.prefix());
		}
		return Map.of(kind.nameField(), name);
	}

	Map<String, Object> apply(ContainerKind kind, Call call) {
		String name;
		String prefix;
		String regionId;
		if (!kind.typed() && !call.has(kind.nameField()) && call.has("clusterId")) {
			String clusterId = call.required("clusterId");
			regionId = clusterRegion(clusterId);
			name = "";
			prefix = "migrations/" + clusterId + "/";
		}
		else {
			if (!kind.typed() && !call.has(kind.nameField())) {
				throw new ApiException(ErrorCode.MISSING_FIELD, kind.nameField() + " or clusterId is required");
			}
			name = call.required(kind.nameField());
			Container container = get(kind, name);
			regionId = container.regionId();
			prefix = container.prefix();
		}
		String path = call.text("path");
		path = (path == null || path.isEmpty() || path.equals("/")) ? "" : normalizeDirectory(path);
		String uploadPath = prefix + path;
		SessionRegistry.Session session = this.sessions.issue(this.settings.bucketName(), uploadPath,
				this.settings.credentialLifetime());
		boolean gcp = "gcp".equals(this.settings.cloud());
		Map<String, Object> credentials = new LinkedHashMap<>();
		credentials.put("tmpAK", gcp ? "" : session.accessKeyId());
		credentials.put("tmpSK", gcp ? "" : session.secretKey());
		credentials.put("sessionToken", session.sessionToken());
		credentials.put("expireTime", WIRE_TIME.format(session.expiresAt()));
		Map<String, Object> condition = new LinkedHashMap<>();
		condition.put("maxContentLength", this.settings.maxContentLength());
		if (this.settings.maxFileNumber() != null) {
			condition.put("maxFileNumber", this.settings.maxFileNumber());
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put(kind.nameField(), name);
		data.put(kind.prefixField(), prefix);
		data.put("uploadPath", uploadPath);
		data.put("bucketName", this.settings.bucketName());
		data.put("endpoint", this.dataPlaneEndpoint.get());
		data.put("cloud", this.settings.cloud());
		data.put("region", cloudRegion(regionId));
		data.put("credentials", credentials);
		data.put("condition", condition);
		return data;
	}

	/** The region of a known cluster. */
	String clusterRegion(String clusterId) {
		String region = this.settings.clusters().get(clusterId);
		if (region == null) {
			throw new ApiException(ErrorCode.CLUSTER_NOT_FOUND, "clusterId '" + clusterId + "' does not exist");
		}
		return region;
	}

	/**
	 * A relative directory: no leading '/', a trailing '/', no {@code ..} segment.
	 */
	static String normalizeDirectory(String path) {
		String normalized = checkRelative("path", path);
		return normalized.isEmpty() || normalized.endsWith("/") ? normalized : normalized + "/";
	}

	/** A relative path without a leading '/' and without {@code ..} segments. */
	static String checkRelative(String field, String path) {
		String relative = path.startsWith("/") ? path.substring(1) : path;
		for (String segment : relative.split("/", -1)) {
			if (segment.equals("..")) {
				throw new ApiException(ErrorCode.INVALID_VALUE,
						field + " '" + path + "' must not contain a '..' segment");
			}
		}
		return relative;
	}

	private Map<String, Object> describe(ContainerKind kind, Container container) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put(kind.nameField(), container.name());
		if (kind.typed()) {
			data.put("type", container.type());
		}
		data.put("regionId", container.regionId());
		if (container.storageIntegrationId() != null) {
			data.put("storageIntegrationId", container.storageIntegrationId());
			data.put("path", container.path());
		}
		data.put("status", "RUNNING");
		data.put("createTime", WIRE_TIME.format(container.createdAt()));
		return data;
	}

	private String checkProject(String projectId) {
		if (!this.settings.projects().contains(projectId)) {
			throw new ApiException(ErrorCode.PROJECT_NOT_FOUND, "projectId '" + projectId + "' does not exist");
		}
		return projectId;
	}

	private static String checkType(String type) {
		if (!type.equals(Container.MANAGED) && !type.equals(Container.EXTERNAL)) {
			throw new ApiException(ErrorCode.INVALID_VALUE, "type must be MANAGED or EXTERNAL, was '" + type + "'");
		}
		return type;
	}

	private static String cloudRegion(String regionId) {
		int dash = regionId.indexOf('-');
		return (dash > 0) ? regionId.substring(dash + 1) : regionId;
	}

	/** An instant as the wire carries it, or "" for none. */
	static String wireTime(@Nullable Instant instant) {
		return (instant != null) ? WIRE_TIME.format(instant) : "";
	}

}
