package dev.stagekit.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Settings of the Zilliz Cloud control-plane client.
 *
 * @param endpoint the control-plane base URI
 * @param apiKey the API key, read per request
 * @param connectTimeout the TCP connect timeout
 * @param responseTimeout the time allowed for a response after the request was sent
 * @param retry the retry policy for retryable calls
 * @param projectId the default project id, if any
 * @param regionId the default region id, if any
 * @param clusterId the default cluster id for import jobs, if any
 */
public record ZillizCloudClientSettings(URI endpoint, ApiKey apiKey, Duration connectTimeout, Duration responseTimeout,
		RetrySettings retry, @Nullable String projectId, @Nullable String regionId, @Nullable String clusterId) {

	/** The public Zilliz Cloud control-plane endpoint. */
	public static final URI DEFAULT_ENDPOINT = URI.create("https://api.cloud.zilliz.com");

	/** Validate the settings. */
	public ZillizCloudClientSettings {
		Objects.requireNonNull(endpoint, "endpoint must not be null");
		Objects.requireNonNull(apiKey, "apiKey must not be null");
		requirePositive(connectTimeout, "connectTimeout");
		requirePositive(responseTimeout, "responseTimeout");
		Objects.requireNonNull(retry, "retry must not be null");
	}

	/**
	 * Start building settings with the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Create a builder initialised from these settings.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * Return a copy with another endpoint.
	 * @param endpoint the endpoint
	 * @return new settings
	 */
	public ZillizCloudClientSettings withEndpoint(URI endpoint) {
		return toBuilder().endpoint(endpoint).build();
	}

	/**
	 * Return a copy with another API key.
	 * @param apiKey the API key
	 * @return new settings
	 */
	public ZillizCloudClientSettings withApiKey(ApiKey apiKey) {
		return toBuilder().apiKey(apiKey).build();
	}

	/**
	 * Return a copy with another connect timeout.
	 * @param connectTimeout the timeout
	 * @return new settings
	 */
	public ZillizCloudClientSettings withConnectTimeout(Duration connectTimeout) {
		return toBuilder().connectTimeout(connectTimeout).build();
	}

	/**
	 * Return a copy with another response timeout.
	 * @param responseTimeout the timeout
	 * @return new settings
	 */
	public ZillizCloudClientSettings withResponseTimeout(Duration responseTimeout) {
		return toBuilder().responseTimeout(responseTimeout).build();
	}

	/**
	 * Return a copy with another retry policy.
	 * @param retry the retry policy
	 * @return new settings
	 */
	public ZillizCloudClientSettings withRetry(RetrySettings retry) {
		return toBuilder().retry(retry).build();
	}

	/**
	 * Return a copy with other default project, region and cluster ids.
	 * @param projectId the default project id
	 * @param regionId the default region id
	 * @param clusterId the default cluster id
	 * @return new settings
	 */
	public ZillizCloudClientSettings withDefaults(@Nullable String projectId, @Nullable String regionId,
			@Nullable String clusterId) {
		return toBuilder().projectId(projectId).regionId(regionId).clusterId(clusterId).build();
	}

	@Override
	public String toString() {
		return "ZillizCloudClientSettings[endpoint=" + this.endpoint + ", apiKey=******, connectTimeout="
				+ this.connectTimeout + ", responseTimeout=" + this.responseTimeout + ", retry=" + this.retry
				+ ", projectId=" + this.projectId + ", regionId=" + this.regionId + ", clusterId=" + this.clusterId
				+ "]";
	}

	private static void requirePositive(Duration duration, String name) {
		Objects.requireNonNull(duration, name + " must not be null");
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive but was " + duration);
		}
	}

	/**
	 * Retry policy: exponential backoff with jitter for transient failures.
	 *
	 * @param maxAttempts total attempts including the first one (at least 1)
	 * @param minBackoff the first backoff
	 * @param maxBackoff the largest backoff
	 * @param jitter the jitter factor between 0 and 1
	 */
	public record RetrySettings(int maxAttempts, Duration minBackoff, Duration maxBackoff, double jitter) {

		/** Four attempts, 200 ms to 5 s backoff, jitter 0.5. */
		public static final RetrySettings DEFAULTS = new RetrySettings(4, Duration.ofMillis(200), Duration.ofSeconds(5),
				0.5);

		/** Validate the policy. */
		public RetrySettings {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException("maxAttempts must be at least 1 but was " + maxAttempts);
			}
			Objects.requireNonNull(minBackoff, "minBackoff must not be null");
			Objects.requireNonNull(maxBackoff, "maxBackoff must not be null");
			if (minBackoff.isNegative() || maxBackoff.compareTo(minBackoff) < 0) {
				throw new IllegalArgumentException(
						"backoff must satisfy 0 <= minBackoff <= maxBackoff but was " + minBackoff + ".." + maxBackoff);
			}
			if (jitter < 0 || jitter > 1) {
				throw new IllegalArgumentException("jitter must be between 0 and 1 but was " + jitter);
			}
		}

		/**
		 * Return a copy with another number of attempts.
		 * @param maxAttempts total attempts
		 * @return a new policy
		 */
		public RetrySettings withMaxAttempts(int maxAttempts) {
			return new RetrySettings(maxAttempts, this.minBackoff, this.maxBackoff, this.jitter);
		}

		/**
		 * Return a copy with other backoff bounds.
		 * @param minBackoff the first backoff
		 * @param maxBackoff the largest backoff
		 * @return a new policy
		 */
		public RetrySettings withBackoff(Duration minBackoff, Duration maxBackoff) {
			return new RetrySettings(this.maxAttempts, minBackoff, maxBackoff, this.jitter);
		}

		/**
		 * Return a copy with another jitter factor.
		 * @param jitter the jitter factor
		 * @return a new policy
		 */
		public RetrySettings withJitter(double jitter) {
			return new RetrySettings(this.maxAttempts, this.minBackoff, this.maxBackoff, jitter);
		}

	}

	/** Builder of {@link ZillizCloudClientSettings}. */
	public static final class Builder {

		private URI endpoint = DEFAULT_ENDPOINT;

		private @Nullable ApiKey apiKey;

		private Duration connectTimeout = Duration.ofSeconds(10);

		private Duration responseTimeout = Duration.ofSeconds(30);

		private RetrySettings retry = RetrySettings.DEFAULTS;

		private @Nullable String projectId;

		private @Nullable String regionId;

		private @Nullable String clusterId;

		private Builder() {
		}

		private Builder(ZillizCloudClientSettings settings) {
			this.endpoint = settings.endpoint();
			this.apiKey = settings.apiKey();
			this.connectTimeout = settings.connectTimeout();
			this.responseTimeout = settings.responseTimeout();
			this.retry = settings.retry();
			this.projectId = settings.projectId();
			this.regionId = settings.regionId();
			this.clusterId = settings.clusterId();
		}

		/**
		 * Set the endpoint.
		 * @param endpoint the control-plane base URI
		 * @return this builder
		 */
		public Builder endpoint(URI endpoint) {
			this.endpoint = endpoint;
			return this;
		}

		/**
		 * Set the endpoint.
		 * @param endpoint the control-plane base URI
		 * @return this builder
		 */
		public Builder endpoint(String endpoint) {
			return endpoint(URI.create(endpoint));
		}

		/**
		 * Set the API key supplier.
		 * @param apiKey the API key
		 * @return this builder
		 */
		public Builder apiKey(ApiKey apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * Set a fixed API key.
		 * @param apiKey the API key
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			return apiKey(ApiKey.of(apiKey));
		}

		/**
		 * Set the connect timeout.
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return this;
		}

		/**
		 * Set the response timeout.
		 * @param responseTimeout the timeout
		 * @return this builder
		 */
		public Builder responseTimeout(Duration responseTimeout) {
			this.responseTimeout = responseTimeout;
			return this;
		}

		/**
		 * Set the retry policy.
		 * @param retry the policy
		 * @return this builder
		 */
		public Builder retry(RetrySettings retry) {
			this.retry = retry;
			return this;
		}

		/**
		 * Set the default project id.
		 * @param projectId the project id
		 * @return this builder
		 */
		public Builder projectId(@Nullable String projectId) {
			this.projectId = projectId;
			return this;
		}

		/**
		 * Set the default region id.
		 * @param regionId the region id
		 * @return this builder
		 */
		public Builder regionId(@Nullable String regionId) {
			this.regionId = regionId;
			return this;
		}

		/**
		 * Set the default cluster id.
		 * @param clusterId the cluster id
		 * @return this builder
		 */
		public Builder clusterId(@Nullable String clusterId) {
			this.clusterId = clusterId;
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 */
		public ZillizCloudClientSettings build() {
			ApiKey key = this.apiKey;
			if (key == null) {
				throw new IllegalArgumentException("apiKey must be set");
			}
			return new ZillizCloudClientSettings(this.endpoint, key, this.connectTimeout, this.responseTimeout,
					this.retry, this.projectId, this.regionId, this.clusterId);
		}

	}

}
