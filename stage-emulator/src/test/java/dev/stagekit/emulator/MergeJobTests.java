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
		cluster = new ControlPlaneTestClient(emulator.clusterEndpoint(), emulator.apiKey());
		cluster.post("/v2/vectordb/collections/create", Map.of("collectionName", "docs", "schema", Map.of("fields",
				List.of(Map.of("fieldName", "id", "dataType", "Int64", "isPrimary", true),
						Map.of("fieldName", "pk", "dataType", "Int64"),
						Map.of("fieldName", "vector", "dataType", "FloatVector", "elementTypeParams", Map.of("dim", 2))))));
		String idScore = "message m { required int64 id; required float score; }";
		TestObjects.put(emulator, volume + "extra/a.parquet", ParquetFiles.write(idScore, List.of(Map.of("id", 1L, "score", 0.5f))));
		TestObjects.put(emulator, volume + "extra/b.parquet", ParquetFiles.write(idScore, List.of(Map.of("id", 2L, "score", 0.7f))));
		TestObjects.put(emulator, volume + "mixed/a.parquet",
				ParquetFiles.write("message m { required int64 id; }", List.of(Map.of("id", 1L))));
		TestObjects.put(emulator, volume + "mixed/rows.json", "{}");
		TestObjects.put(emulator, volume + "nokey.parquet",
				ParquetFiles.write("message m { required int64 other; required float score; }", List.of()));
		TestObjects.put(emulator, volume + "noscore.parquet",
				ParquetFiles.write("message m { required int64 id; }", List.of()));
		TestObjects.put(emulator, volume + "broken.parquet", "PAR1 id score PAR1");
		TestObjects.put(emulator, stage + "in/s.parquet",
				ParquetFiles.write("message m { required int64 pk; required boolean flag; }", List.of()));
		// Two rows in the source, which a merge's destination keeps (a left join).
		TestObjects.put(emulator, volume + "rows.json", "[{\"id\":1,\"pk\":1,\"vector\":[1,2]},{\"id\":2,\"pk\":2,\"vector\":[3,4]}]");
		String jobId = client.post("/v2/vectordb/jobs/import/create", Map.of("clusterId", emulator.clusterId(),
				"collectionName", "docs", "volumeName", "mv", "dataPaths", List.of(List.of("rows.json"))))
			.path("jobId")
			.asString();
		client.awaitJob(jobId, "Completed"::equals);
	}

	private static ControlPlaneTestClient cluster;

	private static final java.util.concurrent.atomic.AtomicInteger DESTINATIONS = new java.util.concurrent.atomic.AtomicInteger();

	@AfterAll
	static void stop() {
		emulator.close();
	}

	private static Map<String, Object> body(Object... changes) {
		Map<String, Object> body = new HashMap<>(Map.of("clusterId", emulator.clusterId(), "collectionName", "docs",
				"destCollectionName", "docs_merged_" + DESTINATIONS.incrementAndGet(), "mergeField", "id", "newFields",
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

	@Test
	void mergeWhenSuccessfulShouldCreateTheDestinationWithTheMergedSchemaAndTheSourceRows() {
		String jobId = client.post("/v2/etl/merge", body("destCollectionName", "docs_scored")).path("jobId").asString();
		assertThat(await(jobId).path("status").asString()).isEqualTo("SUCCESSFUL");
		JsonNode described = cluster.post("/v2/vectordb/collections/describe", Map.of("collectionName", "docs_scored"));
		assertThat(described.path("fields").valueStream().map((field) -> field.path("name").asString()).toList())
			.containsExactly("id", "pk", "vector", "score");
		JsonNode score = described.path("fields").get(3);
		assertThat(score.path("type").asString()).isEqualTo("Float");
		assertThat(score.path("nullable").booleanValue()).isTrue();
		assertThat(cluster.post("/v2/vectordb/collections/get_stats", Map.of("collectionName", "docs_scored"))
			.path("rowCount")
			.longValue()).isEqualTo(2);
		assertThat(client.error("POST", "/v2/etl/merge", body("destCollectionName", "docs_scored"),
				ErrorCode.COLLECTION_ALREADY_EXISTS)).contains("'docs_scored' already exists");
	}

	@Test
	void mergeWhenSourceOrFieldsDoNotFitTheStoreShouldBeRefused() {
		assertThat(client.error("POST", "/v2/etl/merge", body("collectionName", "ghost"), ErrorCode.COLLECTION_NOT_FOUND))
			.isEqualTo("collection not found[database=default][collection=ghost]");
		assertThat(client.error("POST", "/v2/etl/merge", body("mergeField", "nope"), ErrorCode.INVALID_VALUE))
			.isEqualTo("mergeField 'nope' is not a field of collection 'docs'");
		assertThat(client.error("POST", "/v2/etl/merge",
				body("newFields", List.of(Map.of("fieldName", "pk", "dataType", "INT64"))), ErrorCode.INVALID_VALUE))
			.contains("'pk' already exists");
	}

	@Test
	void mergeWhenParquetIsInvalidOrLacksANewFieldShouldFailWithReason() {
		String broken = client.post("/v2/etl/merge",
				body("dataSource", Map.of("type", "volume", "volumeName", "mv", "dataPath", "broken.parquet")))
			.path("jobId")
			.asString();
		JsonNode failed = await(broken);
		assertThat(failed.path("status").asString()).isEqualTo("FAILED");
		assertThat(failed.path("reason").asString()).startsWith("'broken.parquet': new parquet reader failed");
		String noScore = client.post("/v2/etl/merge",
				body("dataSource", Map.of("type", "volume", "volumeName", "mv", "dataPath", "noscore.parquet")))
			.path("jobId")
			.asString();
		assertThat(await(noScore).path("reason").asString())
			.isEqualTo("new field 'score' is not a column of 'noscore.parquet'");
	}

}
