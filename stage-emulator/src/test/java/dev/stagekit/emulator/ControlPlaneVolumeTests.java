package dev.stagekit.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ControlPlaneVolumeTests {

	private static final AtomicInteger NAMES = new AtomicInteger();

	private static ZillizCloudEmulator emulator;

	private static ControlPlaneTestClient client;

	@BeforeAll
	static void start() {
		emulator = ZillizCloudEmulator.builder()
			.project("proj-other")
			.storageIntegration("si-east", "aws-us-east-1")
			.maxFileNumber(1000L)
			.credentialLifetime(Duration.ofMinutes(30))
			.start();
		client = new ControlPlaneTestClient(emulator);
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	private static String name() {
		return "vol_" + NAMES.incrementAndGet();
	}

	private static Map<String, Object> create(String name, Object... more) {
		Map<String, Object> body = new HashMap<>(Map.of("projectId", emulator.projectId(), "regionId",
				emulator.regionId(), "volumeName", name));
		for (int i = 0; i < more.length; i += 2) {
			body.put((String) more[i], more[i + 1]);
		}
		return body;
	}

	@Test
	void createThenDescribeShouldAnswerTheManagedVolume() {
		String name = name();
		Instant before = Instant.now().minusSeconds(1);
		JsonNode created = client.post("/v2/volumes/create", create(name));
		assertThat(created.path("volumeName").asString()).isEqualTo(name);
		JsonNode described = client.get("/v2/volumes/" + name);
		assertThat(described.path("volumeName").asString()).isEqualTo(name);
		assertThat(described.path("type").asString()).isEqualTo("MANAGED");
		assertThat(described.path("regionId").asString()).isEqualTo("aws-us-west-2");
		assertThat(described.path("status").asString()).isEqualTo("RUNNING");
		assertThat(described.has("storageIntegrationId")).isFalse();
		assertThat(described.path("createTime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		assertThat(Instant.parse(described.path("createTime").asString())).isAfter(before);
		assertThat(emulator.volumePrefix(name)).hasValueSatisfying(
				(prefix) -> assertThat(prefix).matches("volumes/[a-z0-9]{12}/"));
	}

	@Test
	void createWithJavaSdkBodyShouldIgnoreOptions() {
		String name = name();
		client.post("/v2/volumes/create", create(name, "options", Map.of("sdk", "java", "scene", "bulkWriter"),
				"apiKey", "whatever"));
		assertThat(emulator.volumePrefix(name)).isPresent();
	}

	@Test
	void createExternalShouldKeepIntegrationAndPath() {
		String name = name();
		client.post("/v2/volumes/create",
				create(name, "type", "EXTERNAL", "storageIntegrationId", "si-emulator", "path", "/data/"));
		JsonNode described = client.get("/v2/volumes/" + name);
		assertThat(described.path("type").asString()).isEqualTo("EXTERNAL");
		assertThat(described.path("storageIntegrationId").asString()).isEqualTo("si-emulator");
		assertThat(described.path("path").asString()).isEqualTo("data/");
		assertThat(emulator.volumePrefix(name)).hasValue("external/si-emulator/data/");
		String root = name();
		client.post("/v2/volumes/create", create(root, "type", "EXTERNAL", "storageIntegrationId", "si-emulator"));
		assertThat(emulator.volumePrefix(root)).hasValue("external/si-emulator/");
	}

	@Test
	void createExternalWithBadInputShouldNameTheProblem() {
		assertThat(client.error("POST", "/v2/volumes/create", create(name(), "type", "EXTERNAL"),
				ErrorCode.MISSING_FIELD)).contains("storageIntegrationId");
		assertThat(client.error("POST", "/v2/volumes/create",
				create(name(), "type", "EXTERNAL", "storageIntegrationId", "si-nope"),
				ErrorCode.STORAGE_INTEGRATION_NOT_FOUND)).contains("storageIntegrationId").contains("si-nope");
		assertThat(client.error("POST", "/v2/volumes/create",
				create(name(), "type", "EXTERNAL", "storageIntegrationId", "si-east"), ErrorCode.REGION_MISMATCH))
			.contains("si-east")
			.contains("aws-us-west-2");
		assertThat(client.error("POST", "/v2/volumes/create",
				create(name(), "type", "EXTERNAL", "storageIntegrationId", "si-emulator", "path", "data"),
				ErrorCode.INVALID_VALUE)).contains("path").contains("'data'");
		assertThat(client.error("POST", "/v2/volumes/create",
				create(name(), "type", "EXTERNAL", "storageIntegrationId", "si-emulator", "path", "a/../b/"),
				ErrorCode.INVALID_VALUE)).contains("path").contains("..");
		assertThat(client.error("POST", "/v2/volumes/create", create(name(), "path", "data/"),
				ErrorCode.INVALID_VALUE)).contains("path").contains("EXTERNAL");
		assertThat(client.error("POST", "/v2/volumes/create", create(name(), "type", "SHARED"),
				ErrorCode.INVALID_VALUE)).contains("type").contains("SHARED");
	}

	@Test
	void createWithBadFieldsShouldNameThem() {
		assertThat(client.error("POST", "/v2/volumes/create",
				Map.of("projectId", emulator.projectId(), "regionId", emulator.regionId()), ErrorCode.MISSING_FIELD))
			.isEqualTo("volumeName is required");
		assertThat(client.error("POST", "/v2/volumes/create", create(""), ErrorCode.MISSING_FIELD))
			.isEqualTo("volumeName is required");
		assertThat(client.error("POST", "/v2/volumes/create", Map.of("regionId", "aws-us-west-2", "volumeName", "x"),
				ErrorCode.MISSING_FIELD)).isEqualTo("projectId is required");
		assertThat(client.error("POST", "/v2/volumes/create", create("1abc"), ErrorCode.INVALID_NAME))
			.contains("volumeName")
			.contains("'1abc'")
			.contains("must start with a letter or underscore");
		assertThat(client.error("POST", "/v2/volumes/create", create("a".repeat(65)), ErrorCode.INVALID_NAME))
			.contains("at most 64 characters");
		assertThat(client.error("POST", "/v2/volumes/create", create("has space"), ErrorCode.INVALID_NAME))
			.contains("'has space'");
		Map<String, Object> badProject = create(name());
		badProject.put("projectId", "proj-nope");
		assertThat(client.error("POST", "/v2/volumes/create", badProject, ErrorCode.PROJECT_NOT_FOUND))
			.contains("projectId")
			.contains("proj-nope");
		Map<String, Object> badRegion = create(name());
		badRegion.put("regionId", "aws-mars-1");
		assertThat(client.error("POST", "/v2/volumes/create", badRegion, ErrorCode.REGION_NOT_FOUND))
			.contains("regionId")
			.contains("aws-mars-1");
		assertThat(client.error("POST", "/v2/volumes/create", create(name(), "volumeName", List.of("x")),
				ErrorCode.INVALID_VALUE)).contains("volumeName");
	}

	@Test
	void processedThenStatusFaultShouldCreateAndAnswerTheStatus() {
		String name = name();
		emulator.inject(ControlPlaneFault.httpStatusAfterProcessing(503).on("POST /v2/volumes/create"));
		var response = client.send("POST", "/v2/volumes/create", create(name));
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("injected fault: HTTP 503 after processing");
		assertThat(client.get("/v2/volumes/" + name).path("volumeName").asString()).isEqualTo(name);
	}

	@Test
	void createTwiceShouldReportTheDuplicate() {
		String name = name();
		client.post("/v2/volumes/create", create(name));
		assertThat(client.error("POST", "/v2/volumes/create", create(name), ErrorCode.VOLUME_ALREADY_EXISTS))
			.contains("volumeName")
			.contains(name);
	}

	@Test
	void createBeyondTheQuotaShouldBeRefusedPerType() {
		try (ZillizCloudEmulator small = ZillizCloudEmulator.builder().maxVolumes(1).start()) {
			ControlPlaneTestClient smallClient = new ControlPlaneTestClient(small);
			Map<String, Object> body = new HashMap<>(
					Map.of("projectId", small.projectId(), "regionId", small.regionId(), "volumeName", "one"));
			smallClient.post("/v2/volumes/create", body);
			body.put("volumeName", "two");
			assertThat(smallClient.error("POST", "/v2/volumes/create", body, ErrorCode.QUOTA_EXCEEDED))
				.contains("'two'")
				.contains("at most 1 MANAGED");
			body.put("type", "EXTERNAL");
			body.put("storageIntegrationId", "si-emulator");
			smallClient.post("/v2/volumes/create", body);
			body.put("volumeName", "three");
			assertThat(smallClient.error("POST", "/v2/volumes/create", body, ErrorCode.QUOTA_EXCEEDED))
				.contains("EXTERNAL");
		}
	}

	@Test
	void listShouldPageInCreationOrderAndFilterByType() {
		String project = "proj-other";
		List<String> names = List.of(name(), name(), name());
		for (String name : names) {
			client.createVolume(name, emulator.regionId(), project);
		}
		String external = name();
		client.post("/v2/volumes/create", Map.of("projectId", project, "regionId", emulator.regionId(),
				"volumeName", external, "type", "EXTERNAL", "storageIntegrationId", "si-emulator"));
		JsonNode all = client.get("/v2/volumes?projectId=" + project);
		assertThat(all.path("count").intValue()).isEqualTo(4);
		assertThat(all.path("currentPage").intValue()).isEqualTo(1);
		assertThat(all.path("pageSize").intValue()).isEqualTo(10);
		assertThat(all.path("volumes").valueStream().map((v) -> v.path("volumeName").asString()).toList())
			.containsExactly(names.get(0), names.get(1), names.get(2), external);
		JsonNode first = all.path("volumes").get(0);
		assertThat(first.path("type").asString()).isEqualTo("MANAGED");
		assertThat(first.path("regionId").asString()).isEqualTo("aws-us-west-2");
		assertThat(first.path("status").asString()).isEqualTo("RUNNING");
		assertThat(first.has("createTime")).isTrue();
		JsonNode javaDefaults = client.get("/v2/volumes?projectId=" + project + "&pageSize=0&currentPage=0");
		assertThat(javaDefaults.path("pageSize").intValue()).isEqualTo(10);
		assertThat(javaDefaults.path("currentPage").intValue()).isEqualTo(1);
		JsonNode second = client.get("/v2/volumes?projectId=" + project + "&pageSize=3&currentPage=2");
		assertThat(second.path("count").intValue()).isEqualTo(4);
		assertThat(second.path("volumes").size()).isEqualTo(1);
		assertThat(second.path("volumes").get(0).path("volumeName").asString()).isEqualTo(external);
		assertThat(second.path("volumes").get(0).path("storageIntegrationId").asString()).isEqualTo("si-emulator");
		JsonNode beyond = client.get("/v2/volumes?projectId=" + project + "&pageSize=3&currentPage=5");
		assertThat(beyond.path("volumes").size()).isZero();
		JsonNode externals = client.get("/v2/volumes?projectId=" + project + "&type=EXTERNAL");
		assertThat(externals.path("count").intValue()).isEqualTo(1);
		JsonNode managed = client.get("/v2/volumes?projectId=" + project + "&type=MANAGED&pageSize=100");
		assertThat(managed.path("count").intValue()).isEqualTo(3);
	}

	@Test
	void listWithBadParametersShouldNameThem() {
		String base = "/v2/volumes?projectId=" + emulator.projectId();
		assertThat(client.error("GET", base + "&pageSize=101", null, ErrorCode.INVALID_PAGE)).contains("pageSize")
			.contains("'101'")
			.contains("between 0 and 100");
		assertThat(client.error("GET", base + "&pageSize=-1", null, ErrorCode.INVALID_PAGE)).contains("pageSize");
		assertThat(client.error("GET", base + "&currentPage=-2", null, ErrorCode.INVALID_PAGE))
			.contains("currentPage")
			.contains("'-2'");
		assertThat(client.error("GET", base + "&currentPage=abc", null, ErrorCode.INVALID_PAGE))
			.contains("currentPage")
			.contains("'abc'");
		assertThat(client.error("GET", base + "&type=BOTH", null, ErrorCode.INVALID_VALUE)).contains("type")
			.contains("BOTH");
		assertThat(client.error("GET", "/v2/volumes", null, ErrorCode.MISSING_FIELD))
			.isEqualTo("projectId is required");
		assertThat(client.error("GET", "/v2/volumes?projectId=proj-nope", null, ErrorCode.PROJECT_NOT_FOUND))
			.contains("proj-nope");
	}

	@Test
	void describeOrDeleteUnknownShouldBeNotFound() {
		assertThat(client.error("GET", "/v2/volumes/nope", null, ErrorCode.VOLUME_NOT_FOUND))
			.isEqualTo("volumeName 'nope' does not exist");
		assertThat(client.error("DELETE", "/v2/volumes/nope", null, ErrorCode.VOLUME_NOT_FOUND)).contains("nope");
	}

	@Test
	void deleteManagedShouldRemoveItsObjectsAndUploads() {
		String name = name();
		client.post("/v2/volumes/create", create(name));
		String prefix = emulator.volumePrefix(name).orElseThrow();
		TestObjects.put(emulator, prefix + "a.parquet", "a");
		TestObjects.put(emulator, prefix + "dir/b.json", "[]");
		TestObjects.put(emulator, "elsewhere/keep.csv", "x");
		assertThat(emulator.listObjects(prefix)).hasSize(2);
		JsonNode deleted = client.ok("DELETE", "/v2/volumes/" + name, null);
		assertThat(deleted.path("volumeName").asString()).isEqualTo(name);
		assertThat(emulator.listObjects(prefix)).isEmpty();
		assertThat(emulator.object("elsewhere/keep.csv")).isPresent();
		assertThat(emulator.volumePrefix(name)).isEmpty();
		client.post("/v2/volumes/create", create(name));
		assertThat(emulator.volumePrefix(name)).hasValueSatisfying((again) -> assertThat(again).isNotEqualTo(prefix));
	}

	@Test
	void deleteExternalShouldKeepItsObjects() {
		String name = name();
		client.post("/v2/volumes/create",
				create(name, "type", "EXTERNAL", "storageIntegrationId", "si-emulator", "path", "keep-" + name + "/"));
		String prefix = emulator.volumePrefix(name).orElseThrow();
		TestObjects.put(emulator, prefix + "a.parquet", "a");
		client.ok("DELETE", "/v2/volumes/" + name, null);
		assertThat(emulator.listObjects(prefix)).hasSize(1);
	}

	@Test
	void applyShouldIssueScopedCredentials() {
		String name = name();
		client.post("/v2/volumes/create", create(name));
		String prefix = emulator.volumePrefix(name).orElseThrow();
		JsonNode data = client.post("/v2/volumes/apply", Map.of("volumeName", name, "path", "/data"));
		assertThat(data.path("volumeName").asString()).isEqualTo(name);
		assertThat(data.path("volumePrefix").asString()).isEqualTo(prefix);
		assertThat(data.path("uploadPath").asString()).isEqualTo(prefix + "data/");
		assertThat(data.path("bucketName").asString()).isEqualTo(emulator.settings().bucketName());
		// The default form off port 443: a URL with scheme (see EndpointFormTests for the others).
		assertThat(data.path("endpoint").asString()).isEqualTo(emulator.dataPlaneUrl().toString());
		assertThat(data.path("cloud").asString()).isEqualTo("aws");
		assertThat(data.path("region").asString()).isEqualTo("us-west-2");
		JsonNode credentials = data.path("credentials");
		assertThat(credentials.path("tmpAK").asString()).isNotEmpty();
		assertThat(credentials.path("tmpSK").asString()).isNotEmpty();
		assertThat(credentials.path("sessionToken").asString()).isNotEmpty();
		String expireTime = credentials.path("expireTime").asString();
		assertThat(expireTime).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		assertThat(Instant.parse(expireTime)).isBetween(Instant.now().plus(Duration.ofMinutes(29)),
				Instant.now().plus(Duration.ofMinutes(31)));
		assertThat(data.path("condition").path("maxContentLength").longValue())
			.isEqualTo(EmulatorSettings.PAY_AS_YOU_GO_MAX_CONTENT_LENGTH);
		assertThat(data.path("condition").path("maxFileNumber").longValue()).isEqualTo(1000);
		assertThat(emulator.sessions().byToken(credentials.path("sessionToken").asString()))
			.hasValueSatisfying((session) -> assertThat(session.scopePrefix()).isEqualTo(prefix + "data/"));
	}

	@Test
	void applyWithRootPathsShouldTargetTheVolumeRoot() {
		String name = name();
		client.post("/v2/volumes/create", create(name));
		String prefix = emulator.volumePrefix(name).orElseThrow();
		for (Object body : List.of(Map.of("volumeName", name), Map.of("volumeName", name, "path", ""),
				Map.of("volumeName", name, "path", "/"), "{\"volumeName\":\"" + name + "\",\"path\":null}")) {
			assertThat(client.post("/v2/volumes/apply", body).path("uploadPath").asString()).isEqualTo(prefix);
		}
	}

	@Test
	void applyWithJavaSdkBodyAndMisspelledHeadersShouldSucceed() {
		String name = name();
		client.post("/v2/volumes/create", create(name));
		String body = "{\"volumeName\": \"" + name + "\", \"path\": \"data/\", \"apiKey\": \"" + emulator.apiKey()
				+ "\", \"options\": {\"sdk\": \"java\", \"scene\": \"bulkWriter\"}}";
		var response = client.send("POST", "/v2/volumes/apply", body, "Accept-Encodin", "gzip,deflate,sdch",
				"Accept-Languag", "en-US,en;q=0.5", "User-Agent", "Mozilla/5.0", "Accept", "application/json");
		JsonNode envelope = ControlPlaneTestClient.JSON.readTree(response.body());
		assertThat(envelope.path("code").intValue()).isZero();
		assertThat(envelope.path("data").path("uploadPath").asString()).endsWith("/data/");
	}

	@Test
	void applyWithBadInputShouldNameIt() {
		assertThat(client.error("POST", "/v2/volumes/apply", Map.of("path", "x/"), ErrorCode.MISSING_FIELD))
			.isEqualTo("volumeName is required");
		assertThat(client.error("POST", "/v2/volumes/apply", Map.of("volumeName", "ghost"),
				ErrorCode.VOLUME_NOT_FOUND)).contains("ghost");
		String name = name();
		client.post("/v2/volumes/create", create(name));
		assertThat(client.error("POST", "/v2/volumes/apply", Map.of("volumeName", name, "path", "a/../../b"),
				ErrorCode.INVALID_VALUE)).contains("path").contains("..");
	}

	@Test
	void applyOnGcpShouldLeaveKeysEmpty() {
		try (ZillizCloudEmulator gcp = ZillizCloudEmulator.builder().cloud("gcp").region("gcp-us-west1").start()) {
			ControlPlaneTestClient gcpClient = new ControlPlaneTestClient(gcp);
			gcpClient.createVolume("g", "gcp-us-west1", gcp.projectId());
			JsonNode data = gcpClient.post("/v2/volumes/apply", Map.of("volumeName", "g"));
			assertThat(data.path("cloud").asString()).isEqualTo("gcp");
			assertThat(data.path("region").asString()).isEqualTo("us-west1");
			assertThat(data.path("credentials").path("tmpAK").asString()).isEmpty();
			assertThat(data.path("credentials").path("tmpSK").asString()).isEmpty();
			assertThat(data.path("credentials").path("sessionToken").asString()).isNotEmpty();
			assertThat(data.path("condition").has("maxFileNumber")).isFalse();
		}
	}

}
