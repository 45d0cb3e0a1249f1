package dev.stagekit.emulator;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Everything an emulator is started with. Built with {@link ZillizCloudEmulator#builder()}.
 *
 * @param host address every server binds to and advertises
 * @param controlPlanePort control-plane HTTP port, 0 for a free one
 * @param dataPlanePort data-plane HTTPS port, 0 for a free one
 * @param dataPlaneHttpPort data-plane plain HTTP port, 0 for a free one, -1 for none
 * @param advertisePlainHttp whether {@code apply} advertises the plain HTTP data plane as
 * {@code http://host:port} instead of the HTTPS data plane
 * @param endpointForm the form of the HTTPS data plane's {@code endpoint} that {@code apply}
 * advertises
 * @param apiKey the one API key the control plane accepts
 * @param maxRequestBodySize the largest control-plane request body accepted, in bytes; a larger one
 * is refused with HTTP 413
 * @param projects project ids that exist, the first being the default
 * @param regions region ids that exist, the first being the default
 * @param clusters cluster id to its region id, the first being the default cluster
 * @param storageIntegrations storage integration id to its region id (for external volumes)
 * @param cloud cloud flavour {@code apply} reports: {@code aws}, or {@code gcp} for bearer-token
 * storage access
 * @param bucketName data-plane bucket holding every managed stage and volume
 * @param credentialLifetime lifetime of the temporary storage credentials {@code apply} issues
 * @param maxContentLength {@code condition.maxContentLength}: bytes allowed in one upload
 * @param maxFileNumber {@code condition.maxFileNumber}: files allowed in one upload, or
 * {@code null} to omit it (pay-as-you-go volumes)
 * @param importDuration how long an import job takes from creation to its end
 * @param maxVolumes managed volumes (and, separately, external volumes) allowed
 * @param dataDirectory where state and objects persist across restarts, or {@code null} to keep
 * everything in memory
 * @param backingStore an external S3 server that stores the objects, or {@code null} for the
 * in-process store
 */
public record EmulatorSettings(String host, int controlPlanePort, int dataPlanePort, int dataPlaneHttpPort,
		boolean advertisePlainHttp, EndpointForm endpointForm, String apiKey, long maxRequestBodySize,
		Set<String> projects, Set<String> regions,
		Map<String, String> clusters, Map<String, String> storageIntegrations, String cloud, String bucketName,
		Duration credentialLifetime, long maxContentLength, @Nullable Long maxFileNumber, Duration importDuration,
		int maxVolumes, @Nullable Path dataDirectory, @Nullable BackingStore backingStore) {

	/** The free tier's per-upload limit: 1 GB. */
	public static final long FREE_TIER_MAX_CONTENT_LENGTH = 1L << 30;

	/** The free tier's per-upload file count limit. */
	public static final long FREE_TIER_MAX_FILE_NUMBER = 1_000;

	/** The pay-as-you-go per-upload limit: 100 GB. */
	public static final long PAY_AS_YOU_GO_MAX_CONTENT_LENGTH = 100L << 30;

	/** The default limit on a control-plane request body: 1 MiB. */
	public static final long DEFAULT_MAX_REQUEST_BODY_SIZE = 1L << 20;

	public EmulatorSettings {
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(apiKey, "apiKey");
		Objects.requireNonNull(endpointForm, "endpointForm");
		if (maxRequestBodySize < 0) {
			throw new IllegalArgumentException("maxRequestBodySize must not be negative");
		}
		// Insertion order is kept: the first project, region and cluster are the defaults.
		projects = Collections.unmodifiableSet(new LinkedHashSet<>(projects));
		regions = Collections.unmodifiableSet(new LinkedHashSet<>(regions));
		clusters = Collections.unmodifiableMap(new LinkedHashMap<>(clusters));
		storageIntegrations = Collections.unmodifiableMap(new LinkedHashMap<>(storageIntegrations));
		if (projects.isEmpty() || regions.isEmpty() || clusters.isEmpty()) {
			throw new IllegalArgumentException("an emulator needs at least one project, region and cluster");
		}
		if (!cloud.equals("aws") && !cloud.equals("gcp")) {
			throw new IllegalArgumentException("cloud must be 'aws' or 'gcp', was '" + cloud + "'");
		}
		if (credentialLifetime.isNegative()) {
			throw new IllegalArgumentException("credentialLifetime must not be negative");
		}
		if (maxContentLength < 0 || (maxFileNumber != null && maxFileNumber < 0)) {
			throw new IllegalArgumentException("upload limits must not be negative");
		}
	}

	/**
	 * Builds settings, and starts an emulator with them.
	 */
	public static final class Builder {

		private String host = "127.0.0.1";

		private int controlPlanePort;

		private int dataPlanePort;

		private int dataPlaneHttpPort;

		private boolean advertisePlainHttp;

		private EndpointForm endpointForm = EndpointForm.AUTO;

		private long maxRequestBodySize = DEFAULT_MAX_REQUEST_BODY_SIZE;

		private String apiKey = "emu-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

		private final Set<String> projects = new LinkedHashSet<>(Set.of("proj-emulator"));

		private final Set<String> regions = new LinkedHashSet<>();

		private final Map<String, String> clusters = new LinkedHashMap<>();

		private final Map<String, String> storageIntegrations = new LinkedHashMap<>();

		private String cloud = "aws";

		private String bucketName = "stagekit-emulator";

		private Duration credentialLifetime = Duration.ofHours(1);

		private long maxContentLength = PAY_AS_YOU_GO_MAX_CONTENT_LENGTH;

		private @Nullable Long maxFileNumber;

		private Duration importDuration = Duration.ofSeconds(2);

		private int maxVolumes = 100;

		private @Nullable Path dataDirectory;

		private @Nullable BackingStore backingStore;

		Builder() {
			this.regions.add("aws-us-west-2");
			this.regions.add("aws-us-east-1");
			this.regions.add("gcp-us-west1");
			this.clusters.put("in01-emulator", "aws-us-west-2");
			this.storageIntegrations.put("si-emulator", "aws-us-west-2");
		}

		public Builder host(String host) {
			this.host = host;
			return this;
		}

		public Builder controlPlanePort(int port) {
			this.controlPlanePort = port;
			return this;
		}

		public Builder dataPlanePort(int port) {
			this.dataPlanePort = port;
			return this;
		}

		/** Plain HTTP data-plane port: 0 for a free one (the default), -1 for none. */
		public Builder dataPlaneHttpPort(int port) {
			this.dataPlaneHttpPort = port;
			return this;
		}

		public Builder advertisePlainHttp(boolean advertise) {
			this.advertisePlainHttp = advertise;
			return this;
		}

		/** The form of {@code endpoint} that {@code apply} advertises; {@link EndpointForm#AUTO} by default. */
		public Builder endpointForm(EndpointForm form) {
			this.endpointForm = form;
			return this;
		}

		/** The largest control-plane request body accepted, in bytes (1 MiB by default). */
		public Builder maxRequestBodySize(long bytes) {
			this.maxRequestBodySize = bytes;
			return this;
		}

		public Builder apiKey(String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		/** Adds a project; the first one added stays the default. */
		public Builder project(String projectId) {
			this.projects.add(projectId);
			return this;
		}

		/** Replaces the projects; the first one is the default. */
		public Builder projects(Collection<String> projectIds) {
			this.projects.clear();
			this.projects.addAll(projectIds);
			return this;
		}

		/**
		 * Replaces the regions; the first one is the default. The regions of clusters and storage
		 * integrations are added to them.
		 */
		public Builder regions(Collection<String> regionIds) {
			this.regions.clear();
			this.regions.addAll(regionIds);
			return this;
		}

		/** Replaces the clusters (cluster id to region id); the first one is the default. */
		public Builder clusters(Map<String, String> clusterRegions) {
			this.clusters.clear();
			clusterRegions.forEach(this::cluster);
			return this;
		}

		/** Replaces the storage integrations (integration id to region id). */
		public Builder storageIntegrations(Map<String, String> integrationRegions) {
			this.storageIntegrations.clear();
			integrationRegions.forEach(this::storageIntegration);
			return this;
		}

		public Builder region(String regionId) {
			this.regions.add(regionId);
			return this;
		}

		public Builder cluster(String clusterId, String regionId) {
			this.clusters.put(clusterId, regionId);
			this.regions.add(regionId);
			return this;
		}

		public Builder storageIntegration(String integrationId, String regionId) {
			this.storageIntegrations.put(integrationId, regionId);
			this.regions.add(regionId);
			return this;
		}

		public Builder cloud(String cloud) {
			this.cloud = cloud;
			return this;
		}

		public Builder bucketName(String bucketName) {
			this.bucketName = bucketName;
			return this;
		}

		public Builder credentialLifetime(Duration lifetime) {
			this.credentialLifetime = lifetime;
			return this;
		}

		public Builder maxContentLength(long bytes) {
			this.maxContentLength = bytes;
			return this;
		}

		public Builder maxFileNumber(@Nullable Long files) {
			this.maxFileNumber = files;
			return this;
		}

		/** The free tier's limits: 1 GB and 1,000 files per upload. */
		public Builder freeTier() {
			return maxContentLength(FREE_TIER_MAX_CONTENT_LENGTH).maxFileNumber(FREE_TIER_MAX_FILE_NUMBER);
		}

		public Builder importDuration(Duration duration) {
			this.importDuration = duration;
			return this;
		}

		public Builder maxVolumes(int maxVolumes) {
			this.maxVolumes = maxVolumes;
			return this;
		}

		public Builder dataDirectory(@Nullable Path directory) {
			this.dataDirectory = directory;
			return this;
		}

		/** Stores objects in an external S3 server (MinIO, for example) instead of in process. */
		public Builder backingStore(@Nullable BackingStore store) {
			this.backingStore = store;
			return this;
		}

		public EmulatorSettings build() {
			Set<String> regions = new LinkedHashSet<>(this.regions);
			regions.addAll(this.clusters.values());
			regions.addAll(this.storageIntegrations.values());
			return new EmulatorSettings(this.host, this.controlPlanePort, this.dataPlanePort, this.dataPlaneHttpPort,
					this.advertisePlainHttp, this.endpointForm, this.apiKey, this.maxRequestBodySize, this.projects, regions, this.clusters,
					this.storageIntegrations, this.cloud, this.bucketName, this.credentialLifetime,
					this.maxContentLength, this.maxFileNumber, this.importDuration, this.maxVolumes,
					this.dataDirectory, this.backingStore);
		}

		/** Starts an emulator with these settings. */
		public ZillizCloudEmulator start() {
			return ZillizCloudEmulator.start(build());
		}

	}

	/** The default project: the first one. */
	public String defaultProject() {
		return this.projects.iterator().next();
	}

	/** The default region: the first one. */
	public String defaultRegion() {
		return this.regions.iterator().next();
	}

	/** The default cluster: the first one. */
	public String defaultCluster() {
		return this.clusters.keySet().iterator().next();
	}

}
