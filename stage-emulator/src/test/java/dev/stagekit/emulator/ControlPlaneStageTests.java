package dev.stagekit.emulator;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ControlPlaneStageTests {

	private static ZillizCloudEmulator emulator;

	private static ControlPlaneTestClient client;

	@BeforeAll
	static void start() {
		emulator = ZillizCloudEmulator.builder().project("proj-stages").start();
		client = new ControlPlaneTestClient(emulator);
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	private static Map<String, Object> create(String name) {
		return Map.of("projectId", "proj-stages", "regionId", emulator.regionId(), "stageName", name);
	}

	@Test
	void createListApplyDeleteShouldUseStageNouns() {
		JsonNode created = client.post("/v2/stages/create", create("my_stage"));
		assertThat(created.path("stageName").asString()).isEqualTo("my_stage");
		String prefix = emulator.stagePrefix("my_stage").orElseThrow();
		assertThat(prefix).matches("stages/[a-z0-9]{12}/");
		assertThat(emulator.volumePrefix("my_stage")).isEmpty();
		client.post("/v2/stages/create", create("other-stage"));
		JsonNode list = client.get("/v2/stages?projectId=proj-stages&currentPage=1&pageSize=10");
		assertThat(list.path("count").intValue()).isEqualTo(2);
		assertThat(list.path("stages").get(0).path("stageName").asString()).isEqualTo("my_stage");
		assertThat(list.path("stages").get(0).has("type")).isFalse();
		assertThat(list.has("volumes")).isFalse();
		JsonNode applied = client.post("/v2/stages/apply",
				"{\"stageName\":\"my_stage\",\"path\":\"data\",\"options\":{}}");
		assertThat(applied.path("stageName").asString()).isEqualTo("my_stage");
		assertThat(applied.path("stagePrefix").asString()).isEqualTo(prefix);
		assertThat(applied.path("uploadPath").asString()).isEqualTo(prefix + "data/");
		assertThat(applied.has("volumePrefix")).isFalse();
		TestObjects.put(emulator, prefix + "data/f.parquet", "x");
		JsonNode deleted = client.ok("DELETE", "/v2/stages/my_stage", null);
		assertThat(deleted.path("stageName").asString()).isEqualTo("my_stage");
		assertThat(emulator.listObjects(prefix)).isEmpty();
		assertThat(emulator.stagePrefix("my_stage")).isEmpty();
	}

	@Test
	void applyWithClusterIdShouldTargetTheMigrationArea() {
		JsonNode applied = client.post("/v2/stages/apply",
				Map.of("clusterId", emulator.clusterId(), "path", "backup-1/"));
		assertThat(applied.path("stageName").asString()).isEmpty();
		assertThat(applied.path("stagePrefix").asString()).isEqualTo("migrations/in01-emulator/");
		assertThat(applied.path("uploadPath").asString()).isEqualTo("migrations/in01-emulator/backup-1/");
		assertThat(applied.path("region").asString()).isEqualTo("us-west-2");
		assertThat(client.error("POST", "/v2/stages/apply", Map.of("clusterId", "in01-nope"),
				ErrorCode.CLUSTER_NOT_FOUND)).contains("clusterId").contains("in01-nope");
		assertThat(client.error("POST", "/v2/stages/apply", Map.of("path", "x/"), ErrorCode.MISSING_FIELD))
			.contains("stageName");
	}

	@Test
	void errorsShouldUseStageCodes() {
		client.post("/v2/stages/create", create("dup_stage"));
		assertThat(client.error("POST", "/v2/stages/create", create("dup_stage"), ErrorCode.STAGE_ALREADY_EXISTS))
			.contains("stageName")
			.contains("dup_stage");
		assertThat(client.error("POST", "/v2/stages/create", create("-bad"), ErrorCode.INVALID_NAME))
			.contains("stageName")
			.contains("'-bad'");
		assertThat(client.error("DELETE", "/v2/stages/ghost", null, ErrorCode.STAGE_NOT_FOUND))
			.isEqualTo("stageName 'ghost' does not exist");
		assertThat(client.error("POST", "/v2/stages/apply", Map.of("stageName", "ghost"), ErrorCode.STAGE_NOT_FOUND))
			.contains("ghost");
		assertThat(client.error("GET", "/v2/stages?projectId=proj-stages&pageSize=500", null, ErrorCode.INVALID_PAGE))
			.contains("pageSize");
	}

	@Test
	void stagesHaveNoDescribe() {
		var response = client.send("GET", "/v2/stages/some_stage", null);
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(ControlPlaneTestClient.JSON.readTree(response.body()).path("code").intValue()).isEqualTo(405);
	}

}
