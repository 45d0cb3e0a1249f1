package dev.stagekit.client.upload;

import java.nio.file.Path;
import java.time.Duration;

import dev.stagekit.client.InvalidSettingException;
import dev.stagekit.client.RetrySettings;
import dev.stagekit.client.upload.internal.PartSizes;
import org.jspecify.annotations.Nullable;

import static dev.stagekit.client.InvalidSettingException.atLeast;
import static dev.stagekit.client.InvalidSettingException.notNegative;
import static dev.stagekit.client.InvalidSettingException.positive;
import static dev.stagekit.client.InvalidSettingException.required;

/**
 * How the upload engine behaves; shared by every file manager of one {@link FileManagers}. Every default
 * and every rule of these settings lives here (the Spring Boot properties map onto them).
 *
 * @param fileConcurrency files uploaded at once per upload
 * @param partConcurrency parts of one file uploaded at once
 * @param partSize multipart part size in bytes, or {@code null} to choose it per file (at least 5 MiB,
 * about 1,000 parts)
 * @param retry the retry policy of every storage request
 * @param credentialRefreshMargin how long before their expiry temporary credentials are renewed
 * @param skipPolicy the default skip policy
 * @param checksum the checksum sent with every object and part
 * @param connectType the Alibaba Cloud OSS endpoint choice
 * @param connectTimeout TCP connect timeout to the object store
 * @param readTimeout longest silence while waiting for the object store; a stalled request is retried
 * @param writeTimeout longest time a write to the object store may block
 * @param maxConnections connections to the object store, shared by all uploads
 * @param progressInterval least time between two progress events
 * @param resumable whether multipart uploads keep a checkpoint so that an interrupted upload can be resumed
 * @param checkpointDirectory where resumable uploads keep their checkpoints
 * @since 0.1.0
 */
public record UploadSettings(int fileConcurrency, int partConcurrency, @Nullable Long partSize, RetrySettings retry,
		Duration credentialRefreshMargin, SkipPolicy skipPolicy, UploadChecksum checksum, ConnectType connectType,
		Duration connectTimeout, Duration readTimeout, Duration writeTimeout, int maxConnections,
		Duration progressInterval, boolean resumable, Path checkpointDirectory) {

	/** Files uploaded at once per upload by default. */
	public static final int DEFAULT_FILE_CONCURRENCY = 4;

	/** Parts of one file uploaded at once by default. */
	public static final int DEFAULT_PART_CONCURRENCY = 8;

	/** How long before their expiry temporary credentials are renewed by default. */
	public static final Duration DEFAULT_CREDENTIAL_REFRESH_MARGIN = Duration.ofMinutes(5);

	/** The default skip policy. */
	public static final SkipPolicy DEFAULT_SKIP_POLICY = SkipPolicy.OVERWRITE;

	/** The default checksum. */
	public static final UploadChecksum DEFAULT_CHECKSUM = UploadChecksum.CRC32C;

	/** The default OSS endpoint choice. */
	public static final ConnectType DEFAULT_CONNECT_TYPE = ConnectType.AUTO;

	/** The default connect timeout to the object store. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/** The default read timeout. */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

	/** The default write timeout. */
	public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(60);

	/** Connections to the object store by default. */
	public static final int DEFAULT_MAX_CONNECTIONS = 64;

	/** The default least time between two progress events. */
	public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofMillis(200);

	/** The default checkpoint directory, {@code <java.io.tmpdir>/stagekit-checkpoints}. */
	public static final Path DEFAULT_CHECKPOINT_DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"),
			"stagekit-checkpoints");

	/** The defaults. */
	public static final UploadSettings DEFAULTS = builder().build();

	/**
	 * Validate the settings.
	 * @throws InvalidSettingException naming the first bad value
	 */
	public UploadSettings {
		atLeast("fileConcurrency", fileConcurrency, 1);
		atLeast("partConcurrency", partConcurrency, 1);
		atLeast("maxConnections", maxConnections, 1);
		if (partSize != null) {
			PartSizes.check(partSize);
		}
		required("retry", retry);
		notNegative("credentialRefreshMargin", credentialRefreshMargin);
		required("skipPolicy", skipPolicy);
		required("checksum", checksum);
		required("connectType", connectType);
		positive("connectTimeout", connectTimeout);
		positive("readTimeout", readTimeout);
		positive("writeTimeout", writeTimeout);
		positive("progressInterval", progressInterval);
		required("checkpointDirectory", checkpointDirectory);
	}

	/**
	 * Start from the defaults.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start from these settings.
	 * @return a builder holding these values
	 */
	public Builder toBuilder() {
		return new Builder().fileConcurrency(this.fileConcurrency)
			.partConcurrency(this.partConcurrency)
			.partSize(this.partSize)
			.retry(this.retry)
			.credentialRefreshMargin(this.credentialRefreshMargin)
			.skipPolicy(this.skipPolicy)
			.checksum(this.checksum)
			.connectType(this.connectType)
			.connectTimeout(this.connectTimeout)
			.readTimeout(this.readTimeout)
			.writeTimeout(this.writeTimeout)
			.maxConnections(this.maxConnections)
			.progressInterval(this.progressInterval)
			.resumable(this.resumable)
			.checkpointDirectory(this.checkpointDirectory);
	}

	/**
	 * Builds {@link UploadSettings}; every value has a default.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private int fileConcurrency = DEFAULT_FILE_CONCURRENCY;

		private int partConcurrency = DEFAULT_PART_CONCURRENCY;

		private @Nullable Long partSize;

		private RetrySettings retry = RetrySettings.STORAGE;

		private Duration credentialRefreshMargin = DEFAULT_CREDENTIAL_REFRESH_MARGIN;

		private SkipPolicy skipPolicy = DEFAULT_SKIP_POLICY;

		private UploadChecksum checksum = DEFAULT_CHECKSUM;

		private ConnectType connectType = DEFAULT_CONNECT_TYPE;

		private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

		private Duration readTimeout = DEFAULT_READ_TIMEOUT;

		private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;

		private int maxConnections = DEFAULT_MAX_CONNECTIONS;

		private Duration progressInterval = DEFAULT_PROGRESS_INTERVAL;

		private boolean resumable;

		private Path checkpointDirectory = DEFAULT_CHECKPOINT_DIRECTORY;

		private Builder() {
		}

		/** Files uploaded at once per upload (default 4). @param value the count @return this */
		public Builder fileConcurrency(int value) {
			this.fileConcurrency = value;
			return this;
		}

		/** Parts of one file uploaded at once (default 8). @param value the count @return this */
		public Builder partConcurrency(int value) {
			this.partConcurrency = value;
			return this;
		}

		/**
		 * Part size in bytes, or {@code null} to choose it per file (default).
		 * @param value the size
		 * @return this
		 */
		public Builder partSize(@Nullable Long value) {
			this.partSize = value;
			return this;
		}

		/** Retry policy of storage requests (default {@link RetrySettings#STORAGE}). @param value the policy @return this */
		public Builder retry(RetrySettings value) {
			this.retry = value;
			return this;
		}

		/** Renewal margin before expiry (default 5 min). @param value the margin @return this */
		public Builder credentialRefreshMargin(Duration value) {
			this.credentialRefreshMargin = value;
			return this;
		}

		/** Default skip policy (default overwrite). @param value the policy @return this */
		public Builder skipPolicy(SkipPolicy value) {
			this.skipPolicy = value;
			return this;
		}

		/** Checksum algorithm (default CRC32C). @param value the algorithm @return this */
		public Builder checksum(UploadChecksum value) {
			this.checksum = value;
			return this;
		}

		/** OSS endpoint choice (default auto). @param value the choice @return this */
		public Builder connectType(ConnectType value) {
			this.connectType = value;
			return this;
		}

		/** Connect timeout (default 10 s). @param value the timeout @return this */
		public Builder connectTimeout(Duration value) {
			this.connectTimeout = value;
			return this;
		}

		/** Read timeout (default 60 s). @param value the timeout @return this */
		public Builder readTimeout(Duration value) {
			this.readTimeout = value;
			return this;
		}

		/** Write timeout (default 60 s). @param value the timeout @return this */
		public Builder writeTimeout(Duration value) {
			this.writeTimeout = value;
			return this;
		}

		/** Connections to the object store (default 64). @param value the count @return this */
		public Builder maxConnections(int value) {
			this.maxConnections = value;
			return this;
		}

		/** Least time between progress events (default 200 ms). @param value the interval @return this */
		public Builder progressInterval(Duration value) {
			this.progressInterval = value;
			return this;
		}

		/**
		 * Keep checkpoints of multipart uploads so that an interrupted upload resumes from the parts already
		 * stored (default off). A resumable upload that fails for a transient reason keeps its parts for the
		 * next attempt instead of aborting them; a cancellation or a permanent failure still aborts.
		 * @param value whether uploads are resumable
		 * @return this
		 */
		public Builder resumable(boolean value) {
			this.resumable = value;
			return this;
		}

		/**
		 * Where checkpoints are kept (default {@code <java.io.tmpdir>/stagekit-checkpoints}).
		 * @param value the directory
		 * @return this
		 */
		public Builder checkpointDirectory(Path value) {
			this.checkpointDirectory = value;
			return this;
		}

		/**
		 * Build and validate.
		 * @return the settings
		 * @throws InvalidSettingException naming the first bad value
		 */
		public UploadSettings build() {
			return new UploadSettings(this.fileConcurrency, this.partConcurrency, this.partSize, this.retry,
					this.credentialRefreshMargin, this.skipPolicy, this.checksum, this.connectType,
					this.connectTimeout, this.readTimeout, this.writeTimeout, this.maxConnections,
					this.progressInterval, this.resumable, this.checkpointDirectory);
		}

	}

}
