package dev.stagekit.emulator;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ControlPlaneProtocolTests {

	private static ZillizCloudEmulator emulator;

	private static ControlPlaneTestClient client;

	@BeforeAll
	static void start() {
		emulator = ZillizCloudEmulator.builder().apiKey("secret-key-123").start();
		client = new ControlPlaneTestClient(emulator);
		client.createVolume("proto_volume", emulator.regionId(), emulator.projectId());
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@AfterEach
	void clear() {
		emulator.clearFaults();
	}

	private static HttpResponse<String> raw(HttpRequest.Builder request) throws Exception {
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void missingOrWrongApiKeyShouldBeIllegal() throws Exception {
		for (String authorization : new String[] { null, "Bearer wrong-key", "secret-key-123" }) {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(emulator.controlPlaneUrl().resolve("/v2/volumes?projectId=" + emulator.projectId()));
			if (authorization != null) {
				request.header("Authorization", authorization);
			}
			HttpResponse<String> response = raw(request);
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode envelope = ControlPlaneTestClient.JSON.readTree(response.body());
			assertThat(envelope.path("code").intValue()).isEqualTo(ErrorCode.API_KEY_ILLEGAL.code()).isEqualTo(21119);
			assertThat(envelope.path("message").asString()).isEqualTo("The apikey is illegal.");
			assertThat(response.body()).doesNotContain("wrong-key");
		}
	}

	@Test
	void unknownEndpointShouldBe404() {
		HttpResponse<String> response = client.send("GET", "/v2/foo", null);
		assertThat(response.statusCode()).isEqualTo(404);
		JsonNode envelope = ControlPlaneTestClient.JSON.readTree(response.body());
		assertThat(envelope.path("code").intValue()).isEqualTo(404);
		assertThat(envelope.path("message").asString()).isEqualTo("No such endpoint: GET /v2/foo");
	}

	@Test
	void wrongMethodShouldBe405() {
		HttpResponse<String> response = client.send("POST", "/v2/volumes", "{}");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(ControlPlaneTestClient.JSON.readTree(response.body()).path("code").intValue()).isEqualTo(405);
		assertThat(client.send("GET", "/v2/vectordb/jobs/import/create", null).statusCode()).isEqualTo(405);
	}

	@Test
	void invalidJsonShouldNameThePosition() {
		String message = client.error("POST", "/v2/volumes/apply", "{\"volumeName\": ", ErrorCode.INVALID_JSON);
		assertThat(message).startsWith("request body is not valid JSON").contains("line 1");
		assertThat(message).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(client.error("POST", "/v2/volumes/apply", "[1, 2]", ErrorCode.INVALID_JSON))
			.contains("object");
	}

	@Test
	void urlEncodedNamesShouldBeDecoded() {
		assertThat(client.get("/v2/volumes/proto%5Fvolume").path("volumeName").asString()).isEqualTo("proto_volume");
		assertThat(client.get("/v2/volumes?projectId=" + emulator.projectId().replace("-", "%2D")).path("count")
			.intValue()).isEqualTo(1);
	}

	@Test
	void everyCallShouldBeCountedByTemplate() {
		emulator.resetRequestCounts();
		client.get("/v2/volumes?projectId=" + emulator.projectId());
		client.get("/v2/volumes/proto_volume");
		client.get("/v2/volumes/proto_volume");
		client.error("DELETE", "/v2/stages/nope", null, ErrorCode.STAGE_NOT_FOUND);
		client.error("POST", "/v2/vectordb/jobs/import/describe", Map.of("jobId", "job-x"), ErrorCode.JOB_NOT_FOUND);
		assertThat(emulator.requestCount("GET /v2/volumes")).isEqualTo(1);
		assertThat(emulator.requestCount("GET /v2/volumes/{name}")).isEqualTo(2);
		assertThat(emulator.requestCount("DELETE /v2/stages/{name}")).isEqualTo(1);
		assertThat(emulator.requestCount("POST /v2/vectordb/jobs/import/describe")).isEqualTo(1);
	}

	@Test
	void injectedStatusFaultsShouldHitTheNextCallsThenPass() {
		emulator.resetRequestCounts();
		emulator.inject(ControlPlaneFault.httpStatus(503).on("POST /v2/volumes/apply").times(2));
		Map<String, String> body = Map.of("volumeName", "proto_volume");
		client.get("/v2/volumes/proto_volume");
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> response = client.send("POST", "/v2/volumes/apply", body);
			assertThat(response.statusCode()).isEqualTo(503);
			JsonNode envelope = ControlPlaneTestClient.JSON.readTree(response.body());
			assertThat(envelope.path("code").intValue()).isEqualTo(503);
			assertThat(envelope.path("message").asString()).isEqualTo("injected fault: HTTP 503");
		}
		assertThat(client.post("/v2/volumes/apply", body).path("volumeName").asString()).isEqualTo("proto_volume");
		assertThat(emulator.requestCount("POST /v2/volumes/apply")).isEqualTo(3);
		assertThat(emulator.requestCount("GET /v2/volumes/{name}")).isEqualTo(1);
	}

	@Test
	void injectedLatencyShouldDelayTheAnswer() throws Exception {
		emulator.inject(ControlPlaneFault.latency(Duration.ofMillis(1500)).on("GET /v2/volumes/{name}"));
		HttpRequest request = HttpRequest.newBuilder(emulator.controlPlaneUrl().resolve("/v2/volumes/proto_volume"))
			.header("Authorization", "Bearer secret-key-123")
			.timeout(Duration.ofMillis(200))
			.build();
		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
		assertThat(client.get("/v2/volumes/proto_volume").path("volumeName").asString()).isEqualTo("proto_volume");
		emulator.inject(ControlPlaneFault.latency(Duration.ofMillis(100)));
		long start = System.nanoTime();
		assertThat(client.get("/v2/volumes/proto_volume").path("volumeName").asString()).isEqualTo("proto_volume");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
	}

	@Test
	void injectedMalformedBodyShouldNotBeJson() {
		emulator.inject(ControlPlaneFault.malformedBody());
		HttpResponse<String> response = client.send("GET", "/v2/volumes/proto_volume", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).isEqualTo("<html>upstream error</html>");
	}

	@Test
	void injectedBusinessErrorShouldAnswerItsCode() {
		emulator.inject(ControlPlaneFault.businessError(65535, "server busy").on("GET /v2/volumes"));
		client.get("/v2/volumes/proto_volume");
		JsonNode envelope = client.call("GET", "/v2/volumes?projectId=" + emulator.projectId(), null);
		assertThat(envelope.path("code").intValue()).isEqualTo(65535);
		assertThat(envelope.path("message").asString()).isEqualTo("server busy");
		client.get("/v2/volumes?projectId=" + emulator.projectId());
	}

	@Test
	void hooksShouldNeverBeFaulted() {
		emulator.inject(ControlPlaneFault.httpStatus(500));
		HttpResponse<String> response = client.send("GET", "/_emulator/info", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(client.send("GET", "/v2/volumes/proto_volume", null).statusCode()).isEqualTo(500);
	}

}
