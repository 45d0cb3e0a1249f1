package dev.stagekit.client.internal;

import java.nio.charset.StandardCharsets;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stagekit.client.ApiKey;
import dev.stagekit.client.Kind;
import dev.stagekit.client.MalformedResponseException;
import dev.stagekit.client.ZillizCloudApiException;
import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.ZillizCloudConnectionException;
import dev.stagekit.client.ZillizCloudException;
import dev.stagekit.client.ZillizCloudOutcomeUnknownException;
import dev.stagekit.client.ZillizCloudTimeoutException;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * The single engine behind every control-plane call: authentication, envelope decoding, error mapping and retries.
 */
final class ControlPlaneClient {

	/**
	 * The request attribute {@code WebClient} reads its observation's URI template from (what
	 * {@code uri(String template, ...)} sets), so that {@code http.client.requests} groups calls by endpoint
	 * rather than tagging them {@code uri=none}.
	 */
	private static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	/** A name in a resource path: {@code /v2/volumes/{name}}, {@code /v2/stages/{name}}. */
	private static final Pattern NAMED_RESOURCE = Pattern.compile("(/v2/(?:volumes|stages))/(?!apply$|create$)[^/]+");

	/** A job id in a path: {@code /v2/jobs/{jobId}}. */
	private static final Pattern JOB = Pattern.compile("/v2/jobs/[^/]+");

	/** The business code of a refused API key. */
	private static final int INVALID_API_KEY = 21119;

	private static final Logger logger = LoggerFactory.getLogger(ControlPlaneClient.class);

	private final ZillizCloudClientSettings settings;

	private final WebClient webClient;

	private final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * Create the engine.
	 * @param settings the settings
	 * @param webClientBuilder a builder to start from (cloned, not modified)
	 * @param connector the connector to use (its own timeouts, TLS and proxy apply), or {@code null} for a
	 * Reactor Netty connector with the settings' timeouts
	 * @param customizer customizes the builder after these settings, before the API key filter
	 */
	ControlPlaneClient(ZillizCloudClientSettings settings, WebClient.Builder webClientBuilder,
			@Nullable ClientHttpConnector connector, Consumer<WebClient.Builder> customizer) {
		this.settings = settings;
		ApiKey apiKey = settings.apiKey();
		WebClient.Builder builder = webClientBuilder.clone()
			.baseUrl(settings.endpoint().toString())
			.clientConnector((connector != null) ? connector : defaultConnector(settings))
			.defaultHeader(HttpHeaders.USER_AGENT, UserAgent.value())
			.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
		customizer.accept(builder);
		this.webClient = builder.filter((request, next) -> next.exchange(ClientRequest.from(request)
			.headers((headers) -> headers.setBearerAuth(apiKey.value()))
			.build())).build();
	}

	private static ClientHttpConnector defaultConnector(ZillizCloudClientSettings settings) {
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
			.responseTimeout(settings.responseTimeout());
		return new ReactorClientHttpConnector(httpClient);
	}

	/**
	 * Return the settings.
	 * @return the settings
	 */
	ZillizCloudClientSettings settings() {
		return this.settings;
	}

	/**
	 * The cluster of a job call: the given one, else the settings' default.
	 * @param clusterId the given cluster, or {@code null}
	 * @return the cluster
	 */
	String clusterOf(@Nullable String clusterId) {
		return Validation.required("clusterId", (clusterId != null) ? clusterId : this.settings.clusterId());
	}

	/**
	 * Obtain upload target and temporary credentials for a directory of a stage or volume (retried).
	 * @param kind stage or volume
	 * @param name the stage or volume name
	 * @param path the target directory ending with '/', or {@code ""} for the root
	 * @return the apply answer
	 */
	Mono<ApplyResult> apply(Kind kind, String name, String path) {
		KindApi api = KindApi.of(kind);
		return Mono.defer(() -> {
			Validation.name(api.nameField(), name);
			if (!path.isEmpty()) {
				Validation.directory("path", path);
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put(api.nameField(), name);
			body.put("path", path);
			String apiPath = api.applyPath();
			return retrying(exchange(HttpMethod.POST, apiPath, Map.of(), body, (data) -> decodeApply(api, data)),
					HttpMethod.POST, apiPath);
		});
	}

	/**
	 * Send one request (no retry) and decode the {@code data} of a successful envelope.
	 * @param <T> the decoded type
	 * @param method the HTTP method
	 * @param path the path (names in it must have been validated)
	 * @param query query parameters
	 * @param body a JSON body, or {@code null}
	 * @param decoder decodes {@code data}; an {@link IllegalArgumentException} describes what was missing
	 * @return the decoded value
	 */
	<T> Mono<T> exchange(HttpMethod method, String path, Map<String, ?> query, @Nullable Object body,
			Function<JsonNode, T> decoder) {
		return exchange(method, path, query, Map.of(), body, decoder);
	}

	/**
	 * Send one request with extra headers (no retry) and decode the {@code data} of a successful envelope.
	 * @param <T> the decoded type
	 * @param method the HTTP method
	 * @param path the path (names in it must have been validated)
	 * @param query query parameters
	 * @param headers extra request headers
	 * @param body a JSON body, or {@code null}
	 * @param decoder decodes {@code data}
	 * @return the decoded value
	 */
	<T> Mono<T> exchange(HttpMethod method, String path, Map<String, ?> query, Map<String, String> headers,
			@Nullable Object body, Function<JsonNode, T> decoder) {
		return Mono.defer(() -> {
			WebClient.RequestBodySpec spec = this.webClient.method(method).uri((uri) -> {
				uri.path(path);
				query.forEach(uri::queryParam);
				return uri.build();
			}).attribute(URI_TEMPLATE_ATTRIBUTE, uriTemplate(path));
			headers.forEach(spec::header);
			WebClient.RequestHeadersSpec<?> request = spec;
			if (body != null) {
				// Bytes, not a String: Spring's string codecs log what they write and read (TRACE: all of it).
				request = spec.contentType(MediaType.APPLICATION_JSON).bodyValue(this.mapper.writeValueAsBytes(body));
			}
			return request.exchangeToMono((response) -> response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.map((bytes) -> decode(method, path, response.statusCode().value(),
						new String(bytes, StandardCharsets.UTF_8), decoder)));
		}).onErrorMap((ex) -> !(ex instanceof ZillizCloudException), (ex) -> mapTransportError(method, path, ex));
	}

	/**
	 * Apply the retry policy to a call: transient failures are retried with backoff and the last failure is
	 * rethrown when attempts are exhausted.
	 * @param <T> the value type
	 * @param call the call
	 * @param method the method, for logging
	 * @param path the path, for logging
	 * @return the retrying call
	 */
	<T> Mono<T> retrying(Mono<T> call, HttpMethod method, String path) {
		return call.retryWhen(Retries.backoff(this.settings.retry(), ControlPlaneClient::isTransient,
				method.name() + " " + path));
	}

	/**
	 * Guard a call that is not safe to repeat (create, import, merge): an HTTP 429 (nothing was done) is
	 * retried with the full budget; a failure after which the server may have done the work (a timeout, a
	 * lost connection after sending, a 5xx) becomes a {@link ZillizCloudOutcomeUnknownException} whose
	 * message ends with {@code howToFindOut}.
	 * @param <T> the value type
	 * @param call the call
	 * @param method the method, for messages
	 * @param path the path, for messages
	 * @param howToFindOut what the caller can do to learn the outcome
	 * @return the guarded call
	 */
	<T> Mono<T> nonIdempotent(Mono<T> call, HttpMethod method, String path, String howToFindOut) {
		return call.retryWhen(Retries.backoff(this.settings.retry(), ControlPlaneClient::isNothingDone,
				method.name() + " " + path))
			.onErrorMap(ControlPlaneClient::isOutcomeUnknown,
					(ex) -> new ZillizCloudOutcomeUnknownException(method.name() + " " + path
							+ ": the outcome is unknown (" + ex.getMessage()
							+ "); the server may have done the work. Do not repeat the call blindly: "
							+ howToFindOut, ex));
	}

	/**
	 * Whether a transient failure left nothing done (HTTP 429, no connection), so repeating is always safe.
	 * @param ex the failure
	 * @return whether it is one
	 */
	static boolean isNothingDone(Throwable ex) {
		if (ex instanceof ZillizCloudApiException api) {
			return api.httpStatus() == 429;
		}
		return isTransient(ex) && !isOutcomeUnknown(ex);
	}

	/**
	 * Whether, after this failure of a sent request, the server may have done the work.
	 * @param ex the failure
	 * @return whether the outcome is unknown
	 */
	static boolean isOutcomeUnknown(Throwable ex) {
		if (ex instanceof ZillizCloudApiException api) {
			return api.httpStatus() >= 500;
		}
		if (!(ex instanceof ZillizCloudException) || Failure.find(ex, ConnectException.class) != null
				|| Failure.find(ex, io.netty.channel.ConnectTimeoutException.class) != null) {
			// Not connected: nothing was sent.
			return false;
		}
		return Failure.of(ex) == Failure.OUTCOME_UNKNOWN || ex instanceof ZillizCloudConnectionException;
	}

	/**
	 * The backoff between a transient failure of a create and its single retry.
	 * @return the backoff
	 */
	Duration createRetryBackoff() {
		return this.settings.retry().minBackoff();
	}

	/**
	 * Whether a failure is a transient {@link ZillizCloudException}.
	 * @param ex the failure
	 * @return {@code true} if retrying may help
	 */
	static boolean isTransient(Throwable ex) {
		return ex instanceof ZillizCloudException && Failure.isRetryable(ex);
	}

	private <T> T decode(HttpMethod method, String path, int status, String text, Function<JsonNode, T> decoder) {
		String methodName = method.name();
		JsonNode envelope = parseEnvelope(text);
		if (status < 200 || status > 299) {
			logger.debug("{} {} -> HTTP {}", methodName, path, status);
			int code = status;
			String message = MalformedResponseException.excerpt(text);
			if (envelope != null) {
				code = envelope.get("code").intValue();
				String serverMessage = Json.optText(envelope, "message");
				message = (serverMessage != null) ? serverMessage : message;
			}
			throw new ZillizCloudApiException(code, message, status, methodName, path, keyHint(code, status));
		}
		if (envelope == null) {
			logger.debug("{} {} -> HTTP {}, malformed body", methodName, path, status);
			throw new MalformedResponseException(methodName, path,
					"a JSON envelope {\"code\": <number>, \"data\": ...}", text, null);
		}
		int code = envelope.get("code").intValue();
		logger.debug("{} {} -> HTTP {}, code {}", methodName, path, status, code);
		if (code != 0) {
			String message = Json.optText(envelope, "message");
			throw new ZillizCloudApiException(code, (message != null) ? message : "", status, methodName, path,
					keyHint(code, status));
		}
		try {
			return decoder.apply(envelope.path("data"));
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedResponseException(methodName, path, ex.getMessage() + " in 'data'", text, ex);
		}
	}

	/** The endpoint a path belongs to, with its variable part as a template variable. */
	static String uriTemplate(String path) {
		Matcher named = NAMED_RESOURCE.matcher(path);
		if (named.matches()) {
			return named.group(1) + "/{name}";
		}
		return JOB.matcher(path).matches() ? "/v2/jobs/{jobId}" : path;
	}

	/** A refused key (HTTP 401, or code 21119 "The apikey is illegal.") names where the key is configured. */
	private @Nullable String keyHint(int code, int status) {
		if (code != INVALID_API_KEY && status != 401) {
			return null;
		}
		return "the service refused the API key: check " + this.settings.apiKey().origin();
	}

	private @Nullable JsonNode parseEnvelope(String text) {
		try {
			JsonNode root = this.mapper.readTree(text);
			if (root == null || !root.isObject()) {
				return null;
			}
			JsonNode code = root.get("code");
			return (code != null && code.isIntegralNumber()) ? root : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private Throwable mapTransportError(HttpMethod method, String path, Throwable ex) {
		if (Failure.isTimeout(ex)) {
			return new ZillizCloudTimeoutException(method.name() + " " + path + " timed out (connect timeout "
					+ this.settings.connectTimeout() + ", response timeout " + this.settings.responseTimeout() + ")",
					ex);
		}
		if (Failure.isIo(ex) || Failure.find(ex, WebClientRequestException.class) != null) {
			return new ZillizCloudConnectionException(
					method.name() + " " + path + " failed: connection error: " + ex.getMessage(), ex);
		}
		return ex;
	}

	private static ApplyResult decodeApply(KindApi kind, JsonNode data) {
		JsonNode credentials = Json.object(data, "credentials");
		JsonNode condition = Json.object(data, "condition");
		return new ApplyResult(kind.kind(), Json.text(data, kind.nameField()),
				Json.text(data, kind.prefixField()), Json.optText(data, "uploadPath"), Json.text(data, "bucketName"),
				Json.text(data, "endpoint"), Json.text(data, "cloud"), Json.text(data, "region"),
				new ApplyResult.StorageCredentials(Json.text(credentials, "tmpAK"), Json.text(credentials, "tmpSK"),
						Json.text(credentials, "sessionToken"), requiredInstant(credentials, "expireTime")),
				new ApplyResult.Condition(Json.number(condition, "maxContentLength"),
						Json.optLong(condition, "maxFileNumber")));
	}

	private static Instant requiredInstant(JsonNode node, String field) {
		Instant value = Json.optInstant(node, field);
		if (value == null) {
			throw new IllegalArgumentException("an ISO-8601 instant in '" + field + "'");
		}
		return value;
	}

}
