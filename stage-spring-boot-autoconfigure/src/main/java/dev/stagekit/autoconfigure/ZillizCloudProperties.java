package dev.stagekit.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import dev.stagekit.client.RetrySettings;
import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.upload.ConnectType;
import dev.stagekit.client.upload.SkipPolicy;
import dev.stagekit.client.upload.UploadChecksum;
import dev.stagekit.client.upload.UploadSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for Zilliz Cloud stages, volumes and import jobs. The defaults are the client's
 * own ({@link ZillizCloudClientSettings}, {@link UploadSettings}, {@link RetrySettings}); so are the rules,
 * checked when the clients are built.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("zilliz.cloud")
public class ZillizCloudProperties {

	/**
	 * Whether to auto-configure the Zilliz Cloud clients.
	 */
	private boolean enabled = true;

	/**
	 * Control-plane endpoint.
	 */
	private URI endpoint = ZillizCloudClientSettings.DEFAULT_ENDPOINT;

	/**
	 * Whether a plain http endpoint that is not a loopback address is accepted; the API key then travels
	 * unencrypted.
	 */
	private boolean allowInsecureHttp;

	/**
	 * API key sent as a bearer token on every control-plane call.
	 */
	private @Nullable String apiKey;

	/**
	 * Project used by calls that need one and are not given one.
	 */
	private @Nullable String projectId;

	/**
	 * Region used by calls that need one and are not given one, for example 'aws-us-west-2'.
	 */
	private @Nullable String regionId;

	/**
	 * Cluster that import jobs target when a request names none.
	 */
	private @Nullable String clusterId;

	/**
	 * Connect timeout of control-plane calls.
	 */
	private Duration connectTimeout = ZillizCloudClientSettings.DEFAULT_CONNECT_TIMEOUT;

	/**
	 * Response timeout of control-plane calls.
	 */
	private Duration responseTimeout = ZillizCloudClientSettings.DEFAULT_RESPONSE_TIMEOUT;

	/**
	 * Alibaba Cloud OSS endpoint choice for uploads; ignored for other clouds.
	 */
	private ConnectType connectType = UploadSettings.DEFAULT_CONNECT_TYPE;

	private final Retry retry = new Retry();

	private final Target stage = new Target();

	private final Target volume = new Target();

	private final Upload upload = new Upload();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public URI getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(URI endpoint) {
		this.endpoint = endpoint;
	}

	public boolean isAllowInsecureHttp() {
		return this.allowInsecureHttp;
	}

	public void setAllowInsecureHttp(boolean allowInsecureHttp) {
		this.allowInsecureHttp = allowInsecureHttp;
	}

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public @Nullable String getProjectId() {
		return this.projectId;
	}

	public void setProjectId(@Nullable String projectId) {
		this.projectId = projectId;
	}

	public @Nullable String getRegionId() {
		return this.regionId;
	}

	public void setRegionId(@Nullable String regionId) {
		this.regionId = regionId;
	}

	public @Nullable String getClusterId() {
		return this.clusterId;
	}

	public void setClusterId(@Nullable String clusterId) {
		this.clusterId = clusterId;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	public ConnectType getConnectType() {
		return this.connectType;
	}

	public void setConnectType(ConnectType connectType) {
		this.connectType = connectType;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Target getStage() {
		return this.stage;
	}

	public Target getVolume() {
		return this.volume;
	}

	public Upload getUpload() {
		return this.upload;
	}

	/**
	 * Retries of transient failures: exponential backoff with jitter; the same vocabulary for control-plane
	 * calls ({@code zilliz.cloud.retry}) and storage requests ({@code zilliz.cloud.upload.retry}).
	 *
	 * @since 0.1.0
	 */
	public static class Retry {

		/**
		 * Attempts per call or request, the first included.
		 */
		private int maxAttempts;

		/**
		 * Backoff before the first retry, doubled each time.
		 */
		private Duration minBackoff;

		/**
		 * Longest backoff between two attempts.
		 */
		private Duration maxBackoff;

		/**
		 * Share of each backoff that is randomised, from 0 to 1.
		 */
		private double jitter;

		public Retry() {
			this(RetrySettings.CONTROL_PLANE);
		}

		Retry(RetrySettings defaults) {
			this.maxAttempts = defaults.maxAttempts();
			this.minBackoff = defaults.minBackoff();
			this.maxBackoff = defaults.maxBackoff();
			this.jitter = defaults.jitter();
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getMinBackoff() {
			return this.minBackoff;
		}

		public void setMinBackoff(Duration minBackoff) {
			this.minBackoff = minBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

	}

	/**
	 * Retries of storage requests; the defaults of {@link RetrySettings#STORAGE}.
	 *
	 * @since 0.1.0
	 */
	public static class UploadRetry extends Retry {

		public UploadRetry() {
			super(RetrySettings.STORAGE);
		}

	}

	/**
	 * The stage or volume a file manager bean is bound to.
	 *
	 * @since 0.1.0
	 */
	public static class Target {

		/**
		 * Name of the stage or volume the file manager bean uploads to; no bean without it.
		 */
		private @Nullable String name;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

	}

	/**
	 * Uploads to object storage.
	 *
	 * @since 0.1.0
	 */
	public static class Upload {

		/**
		 * Files uploaded at once per upload.
		 */
		private int concurrency = UploadSettings.DEFAULT_FILE_CONCURRENCY;

		/**
		 * Parts of one file uploaded at once.
		 */
		private int partConcurrency = UploadSettings.DEFAULT_PART_CONCURRENCY;

		/**
		 * Multipart part size, at least 5MB; chosen per file when not set (about 1,000 parts).
		 */
		private @Nullable DataSize partSize;

		/**
		 * Retries of storage requests.
		 */
		private final UploadRetry retry = new UploadRetry();

		/**
		 * How long before their expiry temporary storage credentials are renewed.
		 */
		private Duration credentialRefreshMargin = UploadSettings.DEFAULT_CREDENTIAL_REFRESH_MARGIN;

		/**
		 * What to do with files whose object already exists.
		 */
		private SkipPolicy skipPolicy = UploadSettings.DEFAULT_SKIP_POLICY;

		/**
		 * Checksum sent with every object and part and verified by the object store.
		 */
		private UploadChecksum checksum = UploadSettings.DEFAULT_CHECKSUM;

		/**
		 * Connect timeout to the object store.
		 */
		private Duration connectTimeout = UploadSettings.DEFAULT_CONNECT_TIMEOUT;

		/**
		 * Longest silence from the object store before a request is retried.
		 */
		private Duration readTimeout = UploadSettings.DEFAULT_READ_TIMEOUT;

		/**
		 * Longest time a write to the object store may block.
		 */
		private Duration writeTimeout = UploadSettings.DEFAULT_WRITE_TIMEOUT;

		/**
		 * Connections to the object store, shared by all uploads.
		 */
		private int maxConnections = UploadSettings.DEFAULT_MAX_CONNECTIONS;

		/**
		 * Least time between two progress events of an upload.
		 */
		private Duration progressInterval = UploadSettings.DEFAULT_PROGRESS_INTERVAL;

		/**
		 * SSL bundle whose trust material verifies the object store, for private CAs such as the emulator's.
		 */
		private @Nullable String sslBundle;

		/**
		 * Whether multipart uploads keep a checkpoint so that an interrupted upload resumes from the parts
		 * already stored.
		 */
		private boolean resumable;

		/**
		 * Directory of the checkpoints of resumable uploads; stagekit-checkpoints under java.io.tmpdir by default.
		 */
		private Path checkpointDirectory = UploadSettings.DEFAULT_CHECKPOINT_DIRECTORY;

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		public int getPartConcurrency() {
			return this.partConcurrency;
		}

		public void setPartConcurrency(int partConcurrency) {
			this.partConcurrency = partConcurrency;
		}

		public @Nullable DataSize getPartSize() {
			return this.partSize;
		}

		public void setPartSize(@Nullable DataSize partSize) {
			this.partSize = partSize;
		}

		public UploadRetry getRetry() {
			return this.retry;
		}

		public Duration getCredentialRefreshMargin() {
			return this.credentialRefreshMargin;
		}

		public void setCredentialRefreshMargin(Duration credentialRefreshMargin) {
			this.credentialRefreshMargin = credentialRefreshMargin;
		}

		public SkipPolicy getSkipPolicy() {
			return this.skipPolicy;
		}

		public void setSkipPolicy(SkipPolicy skipPolicy) {
			this.skipPolicy = skipPolicy;
		}

		public UploadChecksum getChecksum() {
			return this.checksum;
		}

		public void setChecksum(UploadChecksum checksum) {
			this.checksum = checksum;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

		public Duration getWriteTimeout() {
			return this.writeTimeout;
		}

		public void setWriteTimeout(Duration writeTimeout) {
			this.writeTimeout = writeTimeout;
		}

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		public Duration getProgressInterval() {
			return this.progressInterval;
		}

		public void setProgressInterval(Duration progressInterval) {
			this.progressInterval = progressInterval;
		}

		public boolean isResumable() {
			return this.resumable;
		}

		public void setResumable(boolean resumable) {
			this.resumable = resumable;
		}

		public Path getCheckpointDirectory() {
			return this.checkpointDirectory;
		}

		public void setCheckpointDirectory(Path checkpointDirectory) {
			this.checkpointDirectory = checkpointDirectory;
		}

		public @Nullable String getSslBundle() {
			return this.sslBundle;
		}

		public void setSslBundle(@Nullable String sslBundle) {
			this.sslBundle = sslBundle;
		}

	}

}
