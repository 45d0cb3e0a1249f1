package dev.stagekit.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small HTTP client for the control plane in tests: sends JSON with the emulator's API key and
 * reads the envelope.
 */
final class ControlPlaneTestClient {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final URI base;

	private final String apiKey;

	ControlPlaneTestClient(ZillizCloudEmulator emulator) {
		this(emulator.controlPlaneUrl(), emulator.apiKey());
	}

	/** A client of another endpoint of the emulator, for example a cluster's. */
	ControlPlaneTestClient(URI base, String apiKey) {
		this.base = base;
		this.apiKey = apiKey;
	}

	/** Sends a request with the API key; {@code body} is a JSON string or an object to serialise. */
	HttpResponse<String> send(String method, String path, @Nullable Object body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + this.apiKey);
		for (int i = 0; i < headers.length; i += 2) {
			request.setHeader(headers[i], headers[i + 1]);
		}
		String json = (body == null) ? null : (body instanceof String text) ? text : JSON.writeValueAsString(body);
		request.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json)
				: HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The parsed envelope of a call that must answer HTTP 200. */
	JsonNode call(String method, String path, @Nullable Object body) {
		HttpResponse<String> response = send(method, path, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	/** The {@code data} of a call that must succeed. */
	JsonNode ok(String method, String path, @Nullable Object body) {
		JsonNode envelope = call(method, path, body);
		assertThat(envelope.path("code").isInt()).as(envelope.toString()).isTrue();
		assertThat(envelope.path("code").intValue()).as(envelope.toString()).isZero();
		return envelope.path("data");
	}

	JsonNode get(String path) {
		return ok("GET", path, null);
	}

	JsonNode post(String path, Object body) {
		return ok("POST", path, body);
	}

	/** Asserts the call fails with {@code code} and answers its message. */
	String error(String method, String path, @Nullable Object body, ErrorCode code) {
		JsonNode envelope = call(method, path, body);
		assertThat(envelope.path("code").intValue()).as(envelope.toString()).isEqualTo(code.code());
		assertThat(envelope.has("data")).isFalse();
		return envelope.path("message").asString();
	}

	String createVolume(String name, String regionId, String projectId) {
		post("/v2/volumes/create", Map.of("projectId", projectId, "regionId", regionId, "volumeName", name));
		return name;
	}

	/** Polls describe until the job's state matches, for at most 5 seconds. */
	JsonNode awaitJob(String jobId, Predicate<String> state) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (true) {
			JsonNode job = post("/v2/vectordb/jobs/import/describe", Map.of("jobId", jobId));
			if (state.test(job.path("state").asString())) {
				return job;
			}
			assertThat(System.nanoTime()).as("job %s still %s", jobId, job).isLessThan(deadline);
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
		}
	}

}
