package dev.stagekit.client;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import static dev.stagekit.client.InvalidSettingException.positive;
import static dev.stagekit.client.InvalidSettingException.required;

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
 * @param allowInsecureHttp whether a plain {@code http} endpoint that is not a loopback address is accepted (the
 * API key then travels unencrypted)
 * @since 0.1.0
 */
public record ZillizCloudClientSettings(URI endpoint, ApiKey apiKey, Duration connectTimeout, Duration responseTimeout,
		RetrySettings retry, @Nullable String projectId, @Nullable String regionId, @Nullable String clusterId,
		boolean allowInsecureHttp) {

	/** The name of the setting that accepts plain {@code http} to a host that is not a loopback address. */
	public static final String ALLOW_INSECURE_HTTP = "allowInsecureHttp";

	private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

	/** The public Zilliz Cloud control-plane endpoint. */
	public static final URI DEFAULT_ENDPOINT = URI.create("https://api.cloud.zilliz.com");

	/** The default connect timeout, 10 seconds. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/** The default response timeout, 30 seconds. */
	public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Validate the settings.
	 * @throws InvalidSettingException naming the first bad value
	 */
	public ZillizCloudClientSettings {
		checkEndpoint(required("endpoint", endpoint), allowInsecureHttp);
		required("apiKey", apiKey);
		positive("connectTimeout", connectTimeout);
		positive("responseTimeout", responseTimeout);
		required("retry", retry);
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

	/**
	 * An absolute {@code https} URL with a host, or plain {@code http} to a loopback address (the emulator, a
	 * local proxy): the API key travels in every request. Nothing is resolved, so any name other than
	 * {@code localhost} counts as remote.
	 */
	private static void checkEndpoint(URI endpoint, boolean allowInsecureHttp) {
		String scheme = (endpoint.getScheme() != null) ? endpoint.getScheme().toLowerCase(Locale.ROOT) : null;
		String host = endpoint.getHost();
		if (!endpoint.isAbsolute() || host == null || !("https".equals(scheme) || "http".equals(scheme))) {
			throw new InvalidSettingException("endpoint", endpoint,
					"must be an absolute https URL with a host, for example https://api.cloud.zilliz.com"
							+ " (http only to a loopback address, for example http://localhost:19530)");
		}
		if ("http".equals(scheme) && !isLoopback(host) && !allowInsecureHttp) {
			throw new InvalidSettingException("endpoint", endpoint, "uses plain http to '" + host
					+ "', which would send the API key unencrypted; use https or a loopback address, or set "
					+ ALLOW_INSECURE_HTTP + " to accept it");
		}
	}

	private static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		return name.equals("localhost") || name.endsWith(".localhost") || IPV4_LOOPBACK.matcher(name).matches()
				|| name.equals("[::1]");
	}

	@Override
	public String toString() {
		return "ZillizCloudClientSettings[endpoint=" + this.endpoint + ", apiKey=******, connectTimeout="
				+ this.connectTimeout + ", responseTimeout=" + this.responseTimeout + ", retry=" + this.retry
				+ ", projectId=" + this.projectId + ", regionId=" + this.regionId + ", clusterId=" + this.clusterId
				+ ", allowInsecureHttp=" + this.allowInsecureHttp + "]";
	}

	/**
	 * Builder of {@link ZillizCloudClientSettings}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private URI endpoint = DEFAULT_ENDPOINT;

		private @Nullable ApiKey apiKey;

		private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

		private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;

		private RetrySettings retry = RetrySettings.CONTROL_PLANE;

		private @Nullable String projectId;

		private @Nullable String regionId;

		private @Nullable String clusterId;

		private boolean allowInsecureHttp;

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
			this.allowInsecureHttp = settings.allowInsecureHttp();
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
		 * Set whether a plain {@code http} endpoint that is not a loopback address is accepted. Off by default:
		 * the API key would travel unencrypted.
		 * @param allowInsecureHttp whether to accept it
		 * @return this builder
		 */
		public Builder allowInsecureHttp(boolean allowInsecureHttp) {
			this.allowInsecureHttp = allowInsecureHttp;
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 * @throws InvalidSettingException naming the first bad value
		 */
		public ZillizCloudClientSettings build() {
			return new ZillizCloudClientSettings(this.endpoint, required("apiKey", this.apiKey), this.connectTimeout, this.responseTimeout,
					this.retry, this.projectId, this.regionId, this.clusterId, this.allowInsecureHttp);
		}

	}

}
