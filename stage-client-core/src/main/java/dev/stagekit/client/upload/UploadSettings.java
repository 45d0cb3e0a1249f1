package dev.stagekit.client.upload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.upload.internal.PartSizes;

/**
 * How the upload engine behaves; shared by every file manager of one {@link FileManagers}.
 *
 * @param fileConcurrency files uploaded at once per upload
 * @param partConcurrency parts of one file uploaded at once
 * @param partSize multipart part size in bytes, or 0 to choose it per file (at least 5 MiB, about 1,000 parts)
 * @param maxRetries additional attempts per storage request after a transient failure (0 = one attempt)
 * @param retryBackoff the first backoff between attempts, doubled each time, with jitter
 * @param maxRetryBackoff the longest backoff between attempts
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
 */
public record UploadSettings(int fileConcurrency, int partConcurrency, long partSize, int maxRetries,
		Duration retryBackoff, Duration maxRetryBackoff, Duration credentialRefreshMargin, SkipPolicy skipPolicy,
		UploadChecksum checksum, ConnectType connectType, Duration connectTimeout, Duration readTimeout,
		Duration writeTimeout, int maxConnections, Duration progressInterval, boolean resumable,
		Path checkpointDirectory) {

	/** The defaults. */
	public static final UploadSettings DEFAULTS = builder().build();

	public UploadSettings {
		atLeast("fileConcurrency", fileConcurrency, 1);
		atLeast("partConcurrency", partConcurrency, 1);
		atLeast("maxRetries", maxRetries, 0);
		atLeast("maxConnections", maxConnections, 1);
		if (partSize != 0) {
			PartSizes.choose(0, partSize);
		}
		positive("retryBackoff", retryBackoff);
		positive("maxRetryBackoff", maxRetryBackoff);
		if (maxRetryBackoff.compareTo(retryBackoff) < 0) {
			throw new InvalidRequestException("maxRetryBackoff", maxRetryBackoff,
					"must not be shorter than retryBackoff (" + retryBackoff + ")");
		}
		Objects.requireNonNull(credentialRefreshMargin, "credentialRefreshMargin");
		if (credentialRefreshMargin.isNegative()) {
			throw new InvalidRequestException("credentialRefreshMargin", credentialRefreshMargin,
					"must not be negative");
		}
		Objects.requireNonNull(skipPolicy, "skipPolicy");
		Objects.requireNonNull(checksum, "checksum");
		Objects.requireNonNull(connectType, "connectType");
		positive("connectTimeout", connectTimeout);
		positive("readTimeout", readTimeout);
		positive("writeTimeout", writeTimeout);
		positive("progressInterval", progressInterval);
		Objects.requireNonNull(checkpointDirectory, "checkpointDirectory");
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
		Builder builder = new Builder();
		builder.fileConcurrency = this.fileConcurrency;
		builder.partConcurrency = this.partConcurrency;
		builder.partSize = this.partSize;
		builder.maxRetries = this.maxRetries;
		builder.retryBackoff = this.retryBackoff;
		builder.maxRetryBackoff = this.maxRetryBackoff;
		builder.credentialRefreshMargin = this.credentialRefreshMargin;
		builder.skipPolicy = this.skipPolicy;
		builder.checksum = this.checksum;
		builder.connectType = this.connectType;
		builder.connectTimeout = this.connectTimeout;
		builder.readTimeout = this.readTimeout;
		builder.writeTimeout = this.writeTimeout;
		builder.maxConnections = this.maxConnections;
		builder.progressInterval = this.progressInterval;
		builder.resumable = this.resumable;
		builder.checkpointDirectory = this.checkpointDirectory;
		return builder;
	}

	private static void atLeast(String name, long value, long min) {
		if (value < min) {
			throw new InvalidRequestException(name, value, "must be at least " + min);
		}
	}

	private static void positive(String name, Duration value) {
		Objects.requireNonNull(value, name);
		if (value.isNegative() || value.isZero()) {
			throw new InvalidRequestException(name, value, "must be positive");
		}
	}

	/** Builds {@link UploadSettings}; every value has a default. */
	public static final class Builder {

		private int fileConcurrency = 4;

		private int partConcurrency = 8;

		private long partSize;

		private int maxRetries = 5;

		private Duration retryBackoff = Duration.ofMillis(200);

		private Duration maxRetryBackoff = Duration.ofSeconds(10);

		private Duration credentialRefreshMargin = Duration.ofMinutes(5);

		private SkipPolicy skipPolicy = SkipPolicy.OVERWRITE;

		private UploadChecksum checksum = UploadChecksum.CRC32C;

		private ConnectType connectType = ConnectType.AUTO;

		private Duration connectTimeout = Duration.ofSeconds(10);

		private Duration readTimeout = Duration.ofSeconds(60);

		private Duration writeTimeout = Duration.ofSeconds(60);

		private int maxConnections = 64;

		private Duration progressInterval = Duration.ofMillis(200);

		private boolean resumable;

		private Path checkpointDirectory = Path.of(System.getProperty("java.io.tmpdir"), "stagekit-checkpoints");

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

		/** Part size in bytes, 0 for automatic (default). @param value the size @return this */
		public Builder partSize(long value) {
			this.partSize = value;
			return this;
		}

		/** Additional attempts per request (default 5). @param value the count @return this */
		public Builder maxRetries(int value) {
			this.maxRetries = value;
			return this;
		}

		/** First backoff (default 200 ms). @param value the backoff @return this */
		public Builder retryBackoff(Duration value) {
			this.retryBackoff = value;
			return this;
		}

		/** Longest backoff (default 10 s). @param value the backoff @return this */
		public Builder maxRetryBackoff(Duration value) {
			this.maxRetryBackoff = value;
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
		 * @throws InvalidRequestException naming the first bad value
		 */
		public UploadSettings build() {
			return new UploadSettings(this.fileConcurrency, this.partConcurrency, this.partSize, this.maxRetries,
					this.retryBackoff, this.maxRetryBackoff, this.credentialRefreshMargin, this.skipPolicy,
					this.checksum, this.connectType, this.connectTimeout, this.readTimeout, this.writeTimeout,
					this.maxConnections, this.progressInterval, this.resumable, this.checkpointDirectory);
		}

	}

}
