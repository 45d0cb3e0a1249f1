package dev.stagekit.emulator;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class EmulatorHooksTests {

	private static ZillizCloudEmulator emulator;

	private static ControlPlaneTestClient client;

	@BeforeAll
	static void start() {
		emulator = ZillizCloudEmulator.builder().start();
		client = new ControlPlaneTestClient(emulator);
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	private static JsonNode hook(String method, String path, Object body) {
		HttpResponse<String> response = client.send(method, path, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return ControlPlaneTestClient.JSON.readTree(response.body());
	}

	@Test
	void infoShouldDescribeTheEmulator() {
		JsonNode info = hook("GET", "/_emulator/info", null);
		assertThat(info.path("controlPlaneUrl").asString()).isEqualTo(emulator.controlPlaneUrl().toString());
		assertThat(info.path("dataPlaneUrl").asString()).isEqualTo(emulator.dataPlaneUrl().toString());
		assertThat(info.path("dataPlaneHttpUrl").asString()).isEqualTo(String.valueOf(emulator.dataPlaneHttpUrl()));
		assertThat(info.path("apiKey").asString()).isEqualTo(emulator.apiKey());
		assertThat(info.path("projectId").asString()).isEqualTo(emulator.projectId());
		assertThat(info.path("regionId").asString()).isEqualTo(emulator.regionId());
		assertThat(info.path("clusterId").asString()).isEqualTo(emulator.clusterId());
		assertThat(info.path("bucketName").asString()).isEqualTo(emulator.settings().bucketName());
	}

	@Test
	void objectHooksShouldListAndStreamObjects() {
		TestObjects.put(emulator, "hooks/a.csv", "id\n1\n");
		TestObjects.put(emulator, "hooks/b.json", "[]");
		JsonNode objects = hook("GET", "/_emulator/objects?prefix=hooks/", null);
		assertThat(objects.size()).isEqualTo(2);
		assertThat(objects.get(0).path("key").asString()).isEqualTo("hooks/a.csv");
		assertThat(objects.get(0).path("size").longValue()).isEqualTo(5);
		assertThat(objects.get(0).path("eTag").asString()).isNotEmpty();
		assertThat(objects.get(0).path("lastModified").asString()).isNotEmpty();
		HttpResponse<String> object = client.send("GET", "/_emulator/object?key=hooks/a.csv", null);
		assertThat(object.statusCode()).isEqualTo(200);
		assertThat(object.body()).isEqualTo("id\n1\n");
		assertThat(client.send("GET", "/_emulator/object?key=hooks/none", null).statusCode()).isEqualTo(404);
		assertThat(client.send("GET", "/_emulator/object", null).statusCode()).isEqualTo(400);
		assertThat(hook("GET", "/_emulator/multipart-uploads", null).isArray()).isTrue();
	}

	@Test
	void sha256HookShouldAnswerTheDigestOfTheStoredBytes() {
		TestObjects.put(emulator, "digest/hooks.csv", "id\n1\n");
		JsonNode digest = hook("GET", "/_emulator/object/sha256?key=digest/hooks.csv", null);
		assertThat(digest.path("key").asString()).isEqualTo("digest/hooks.csv");
		assertThat(digest.path("size").longValue()).isEqualTo(5);
		assertThat(digest.path("sha256").asString())
			.isEqualTo("7cde7fb64fd82bd152710cf238e017b9ab46c0592483edc067ba4f6c75fac108")
			.isEqualTo(emulator.sha256("digest/hooks.csv"));
		HttpResponse<String> missing = client.send("GET", "/_emulator/object/sha256?key=digest/none", null);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("No object with key 'digest/none'");
		assertThat(client.send("GET", "/_emulator/object/sha256", null).statusCode()).isEqualTo(400);
	}

	@Test
	void requestHooksShouldCountAndReset() {
		hook("DELETE", "/_emulator/requests", null);
		client.get("/v2/volumes?projectId=" + emulator.projectId());
		JsonNode requests = hook("GET", "/_emulator/requests", null);
		assertThat(requests.path("counts").path("GET /v2/volumes").longValue()).isEqualTo(1);
		assertThat(requests.path("dataPlaneBytesReceived").isNumber()).isTrue();
		hook("DELETE", "/_emulator/requests", null);
		assertThat(hook("GET", "/_emulator/requests", null).path("counts").size()).isZero();
	}

	@Test
	void faultHooksShouldInjectAndClear() {
		hook("POST", "/_emulator/faults/control-plane",
				Map.of("kind", "HTTP_STATUS", "endpoint", "GET /v2/volumes", "times", 1, "httpStatus", 429));
		String list = "/v2/volumes?projectId=" + emulator.projectId();
		assertThat(client.send("GET", list, null).statusCode()).isEqualTo(429);
		assertThat(client.send("GET", list, null).statusCode()).isEqualTo(200);
		hook("POST", "/_emulator/faults/control-plane",
				Map.of("kind", "BUSINESS_ERROR", "code", 90001, "message", "busy", "times", 5));
		assertThat(client.call("GET", list, null).path("code").intValue()).isEqualTo(90001);
		hook("DELETE", "/_emulator/faults", null);
		assertThat(client.call("GET", list, null).path("code").intValue()).isZero();
		hook("POST", "/_emulator/faults/data-plane",
				Map.of("kind", "ERROR", "operation", "UploadPart", "partNumber", 2, "skip", 1, "times", 2,
						"httpStatus", 503, "errorCode", "SlowDown"));
		hook("POST", "/_emulator/faults/data-plane", Map.of("kind", "stall", "stallMillis", 100));
		hook("POST", "/_emulator/faults/data-plane", Map.of("kind", "corrupt", "operation", "PutObject"));
		hook("DELETE", "/_emulator/faults", null);
	}

	@Test
	void badFaultInputShouldBe400WithAMessage() {
		HttpResponse<String> noKind = client.send("POST", "/_emulator/faults/control-plane", Map.of("times", 1));
		assertThat(noKind.statusCode()).isEqualTo(400);
		assertThat(noKind.body()).contains("kind is required");
		HttpResponse<String> badKind = client.send("POST", "/_emulator/faults/control-plane", Map.of("kind", "NOPE"));
		assertThat(badKind.statusCode()).isEqualTo(400);
		assertThat(badKind.body()).contains("NOPE");
		HttpResponse<String> badTimes = client.send("POST", "/_emulator/faults/data-plane",
				Map.of("kind", "RESET", "times", 0));
		assertThat(badTimes.statusCode()).isEqualTo(400);
		assertThat(badTimes.body()).contains("times");
		HttpResponse<String> badJson = client.send("POST", "/_emulator/faults/data-plane", "{oops");
		assertThat(badJson.statusCode()).isEqualTo(400);
		assertThat(badJson.body()).contains("not valid JSON");
		assertThat(client.send("GET", "/_emulator/nothing", null).statusCode()).isEqualTo(404);
	}

	@Test
	void expireCredentialsShouldExpireIssuedSessions() {
		client.createVolume("hooks_volume", emulator.regionId(), emulator.projectId());
		String token = client.post("/v2/volumes/apply", Map.of("volumeName", "hooks_volume"))
			.path("credentials")
			.path("sessionToken")
			.asString();
		var session = emulator.sessions().byToken(token).orElseThrow();
		assertThat(emulator.sessions().isExpired(session)).isFalse();
		hook("POST", "/_emulator/credentials/expire", null);
		assertThat(emulator.sessions().isExpired(session)).isTrue();
	}

}
