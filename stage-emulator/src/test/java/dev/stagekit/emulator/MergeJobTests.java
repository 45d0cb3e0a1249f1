package dev.stagekit.emulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merge jobs over HTTP: {@code POST /v2/etl/merge} checks and {@code GET /v2/jobs/{jobId}} status.
 */
class MergeJobTests {

	private static ZillizCloudEmulator emulator;

	private static ControlPlaneTestClient client;

	@BeforeAll
	static void start() {
		emulator = ZillizCloudEmulator.builder().importDuration(Duration.ofMillis(200)).start();
		client = new ControlPlaneTestClient(emulator);
		client.createVolume("mv", emulator.regionId(), emulator.projectId());
		client.post("/v2/stages/create",
				Map.of("projectId", emulator.projectId(), "regionId", emulator.regionId(), "stageName", "ms"));
		String volume = emulator.volumePrefix("mv").orElseThrow();
		String stage = emulator.stagePrefix("ms").orElseThrow();
		TestObjects.put(emulator, volume + "extra/a.parquet", "PAR1 id score PAR1");
		TestObjects.put(emulator, volume + "extra/b.parquet", "PAR1 id score PAR1");
		TestObjects.put(emulator, volume + "mixed/a.parquet", "PAR1 id PAR1");
		TestObjects.put(emulator, volume + "mixed/rows.json", "{}");
		TestObjects.put(emulator, volume + "nokey.parquet", "PAR1 other PAR1");
		TestObjects.put(emulator, stage + "in/s.parquet", "PAR1 pk flag PAR1");
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	private static Map<String, Object> body(Object... changes) {
		Map<String, Object> body = new HashMap<>(Map.of("clusterId", emulator.clusterId(), "collectionName", "docs",
				"destCollectionName", "docs_merged", "mergeField", "id", "newFields",
				List.of(Map.of("fieldName", "score", "dataType", "FLOAT")), "dataSource",
				Map.of("type", "volume", "volumeName", "mv", "dataPath", "extra/")));
		for (int i = 0; i < changes.length; i += 2) {
			body.put((String) changes[i], changes[i + 1]);
		}
		return body;
	}

	private static JsonNode await(String jobId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (true) {
			JsonNode job = client.get("/v2/jobs/" + jobId);
			String status = job.path("status").asString();
			if (status.equals("SUCCESSFUL") || status.equals("FAILED")) {
				return job;
			}
			assertThat(status).isIn("PENDING", "RUNNING");
			assertThat(job.path("endTime").isNull() || job.path("endTime").isMissingNode()).isTrue();
			assertThat(System.nanoTime()).isLessThan(deadline);
			java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
		}
	}

	@Test
	void mergeWhenVolumeFolderOfParquetShouldSucceed() {
		String jobId = client.post("/v2/etl/merge", body()).path("jobId").asString();
		assertThat(jobId).matches("job-[a-z0-9]{20}");
		JsonNode job = await(jobId);
		assertThat(job.path("status").asString()).isEqualTo("SUCCESSFUL");
		assertThat(job.path("type").asString()).isEqualTo("MERGE");
		assertThat(job.path("progress").isString()).isTrue();
		assertThat(job.path("progress").asString()).isEqualTo("100");
		assertThat(job.path("startTime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		assertThat(job.path("endTime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		assertThat(job.path("reason").asString()).isEmpty();
	}

	@Test
	void mergeWhenStageFormWithNameKeyShouldSucceed() {
		String jobId = client.post("/v2/etl/merge", body("mergeField", "pk", "newFields",
				List.of(Map.of("name", "flag", "dataType", "BOOL")), "dataSource",
				Map.of("type", "stage", "stageName", "ms", "dataPath", "in/s.parquet")))
			.path("jobId")
			.asString();
		assertThat(await(jobId).path("status").asString()).isEqualTo("SUCCESSFUL");
	}

	@Test
	void mergeWhenMergeFieldNotInParquetShouldFailWithReason() {
		String jobId = client.post("/v2/etl/merge",
				body("dataSource", Map.of("type", "volume", "volumeName", "mv", "dataPath", "nokey.parquet")))
			.path("jobId")
			.asString();
		JsonNode job = await(jobId);
		assertThat(job.path("status").asString()).isEqualTo("FAILED");
		assertThat(job.path("reason").asString()).isEqualTo("merge field 'id' is not a column of 'nokey.parquet'");
	}

	@Test
	void mergeWhenRequestInvalidShouldAnswerACodeNamingTheProblem() {
		assertThat(client.error("POST", "/v2/etl/merge",
				body("newFields", List.of(Map.of("fieldName", "t", "dataType", "TEXT"))), ErrorCode.INVALID_VALUE))
			.contains("newFields[0].dataType");
		assertThat(client.error("POST", "/v2/etl/merge",
				body("newFields", List.of(Map.of("fieldName", "t", "dataType", "VARCHAR"))), ErrorCode.MISSING_FIELD))
			.contains("maxLength");
		assertThat(client.error("POST", "/v2/etl/merge", body("destCollectionName", "docs"),
				ErrorCode.MERGE_SAME_SOURCE)).contains("is the source collection");
		assertThat(client.error("POST", "/v2/etl/merge",
				body("dataSource", Map.of("type", "volume", "volumeName", "nope", "dataPath", "x/")),
				ErrorCode.VOLUME_NOT_FOUND)).contains("nope");
		assertThat(client.error("POST", "/v2/etl/merge",
				body("dataSource", Map.of("type", "stage", "stageName", "nope", "dataPath", "x/")),
				ErrorCode.STAGE_NOT_FOUND)).contains("nope");
		assertThat(client.error("POST", "/v2/etl/merge",
				body("dataSource", Map.of("type", "volume", "volumeName", "mv", "dataPath", "missing/")),
				ErrorCode.MERGE_DATA_INVALID)).contains("does not exist");
		assertThat(client.error("POST", "/v2/etl/merge",
				body("dataSource", Map.of("type", "volume", "volumeName", "mv", "dataPath", "mixed/")),
				ErrorCode.MERGE_DATA_INVALID)).contains("not a Parquet file");
		assertThat(client.error("POST", "/v2/etl/merge",
				body("dataSource", Map.of("type", "s3", "dataPath", "s3://b/x.parquet")), ErrorCode.INVALID_VALUE))
			.contains("'stage' or 'volume'");
		assertThat(client.error("POST", "/v2/etl/merge", body("clusterId", "in01-nope"), ErrorCode.CLUSTER_NOT_FOUND))
			.contains("in01-nope");
		assertThat(client.error("GET", "/v2/jobs/job-unknown", null, ErrorCode.JOB_NOT_FOUND)).contains("job-unknown");
	}

}
