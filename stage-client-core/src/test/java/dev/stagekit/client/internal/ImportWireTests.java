package dev.stagekit.client.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import dev.stagekit.client.RetrySettings;
import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.job.ImportJobId;
import dev.stagekit.client.job.ImportRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an import create puts on the wire, seen by a plain HTTP server: {@code auto_commit} as the string
 * {@code "false"}, the object-URL fields, and one {@code Idempotency-Key} on every attempt.
 */
class ImportWireTests {

	private final List<String> keys = new CopyOnWriteArrayList<>();

	private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private DefaultReactiveImportJobs jobs;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			this.keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
			this.bodies.add(JsonMapper.builder().build().readTree(exchange.getRequestBody().readAllBytes()));
			boolean first = this.bodies.size() == 1;
			byte[] answer = (first ? "{\"code\":429,\"message\":\"slow down\"}" : "{\"code\":0,\"data\":{\"jobId\":\"job-1\"}}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(first ? 429 : 200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		this.server.start();
		ZillizCloudClientSettings settings = ZillizCloudClientSettings.builder()
			.endpoint(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()))
			.apiKey("key")
			.projectId("proj")
			.clusterId("in01-x")
			.retry(RetrySettings.CONTROL_PLANE.withBackoff(Duration.ofMillis(1), Duration.ofMillis(2)))
			.build();
		this.jobs = new DefaultReactiveImportJobs(new ControlPlaneClient(settings, WebClient.builder(), null, (b) -> {
		}));
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void createShouldSendAutoCommitAsAStringAndOneKeyOnEveryAttempt() {
		ImportJobId job = this.jobs.create(ImportRequest.builder("c")
			.fromVolume("v", List.of(List.of("a/")))
			.autoCommit(false)
			.idempotencyKey("key-1")
			.build()).block(Duration.ofSeconds(10));
		assertThat(job).isEqualTo(new ImportJobId("in01-x", "job-1"));
		assertThat(this.keys).containsExactly("key-1", "key-1");
		JsonNode options = this.bodies.get(1).get("options");
		assertThat(options.get("auto_commit").isString()).isTrue();
		assertThat(options.get("auto_commit").asString()).isEqualTo("false");
	}

	@Test
	void createFromObjectUrlsShouldSendTheUrlsAndKeysWithoutAVolume() {
		this.jobs.create(ImportRequest.builder("c")
			.fromObjectUrls(List.of(List.of("s3://b/k.parquet")), "AK", "SK", "TOKEN")
			.build()).block(Duration.ofSeconds(10));
		JsonNode body = this.bodies.get(1);
		assertThat(body.get("objectUrls").get(0).get(0).asString()).isEqualTo("s3://b/k.parquet");
		assertThat(body.get("accessKey").asString()).isEqualTo("AK");
		assertThat(body.get("secretKey").asString()).isEqualTo("SK");
		assertThat(body.get("token").asString()).isEqualTo("TOKEN");
		assertThat(body.has("volumeName")).isFalse();
		assertThat(body.has("dataPaths")).isFalse();
		assertThat(body.has("options")).isFalse();
		assertThat(this.keys.get(0)).startsWith("stagekit-").isEqualTo(this.keys.get(1));
	}

}
