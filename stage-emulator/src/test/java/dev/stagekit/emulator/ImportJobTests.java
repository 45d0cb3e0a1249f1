package dev.stagekit.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ImportJobTests {

	private static final String JOBS = "/v2/vectordb/jobs/import/";

	private static ZillizCloudEmulator emulator;

	private static ControlPlaneTestClient client;

	private static String prefix;

	@BeforeAll
	static void start() {
		emulator = ZillizCloudEmulator.builder()
			.cluster("in01-east", "aws-us-east-1")
			.importDuration(Duration.ofMillis(300))
			.start();
		client = new ControlPlaneTestClient(emulator);
		client.createVolume("v1", emulator.regionId(), emulator.projectId());
		client.createVolume("v_east", "aws-us-east-1", emulator.projectId());
		prefix = emulator.volumePrefix("v1").orElseThrow();
		// Imports are checked against the target collection: an INT64 id and a one-dimensional vector v.
		new ControlPlaneTestClient(emulator.clusterEndpoint(), emulator.apiKey()).post(
				"/v2/vectordb/collections/create", Map.of("collectionName", "my_collection", "schema",
						Map.of("enableDynamicField", true, "fields", List.of(
								Map.of("fieldName", "id", "dataType", "Int64", "isPrimary", true),
								Map.of("fieldName", "v", "dataType", "FloatVector", "elementTypeParams",
										Map.of("dim", 1))))));
		TestObjects.put(emulator, prefix + "data/rows.csv", "id,v\n1,[1]\n2,[2]\n3,[3]");
		TestObjects.put(emulator, prefix + "data/array.json", "[{\"id\":1,\"v\":[1.5]},{\"id\":2,\"v\":[3]}]");
		TestObjects.put(emulator, prefix + "data/sub/rows.json", "{\"meta\":{\"rows\":[9]},\"rows\":[{\"id\":1,\"v\":[1]},"
				+ "{\"id\":2,\"v\":[2]},{\"id\":3,\"v\":[3]},{\"id\":4,\"v\":[4]}]}");
		TestObjects.put(emulator, prefix + "data/part.parquet", ParquetFiles.write("""
				message row {
				  required int64 id;
				  required group v (LIST) { repeated group list { required float element; } }
				}""", List.of()));
		TestObjects.put(emulator, prefix + "mixed/ok.npy", "npy");
		TestObjects.put(emulator, prefix + "mixed/notes.txt", "hello");
		TestObjects.put(emulator, prefix + "notes.txt", "hello");
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	private static Map<String, Object> importBody(Object dataPaths, Object... more) {
		Map<String, Object> body = new HashMap<>(Map.of("clusterId", emulator.clusterId(), "collectionName",
				"my_collection", "volumeName", "v1", "dataPaths", dataPaths));
		for (int i = 0; i < more.length; i += 2) {
			body.put((String) more[i], more[i + 1]);
		}
		body.values().removeIf((value) -> value == NONE);
		return body;
	}

	private static final Object NONE = new Object();

	private static String create(Map<String, Object> body) {
		String jobId = client.post(JOBS + "create", body).path("jobId").asString();
		assertThat(jobId).matches("job-[a-z0-9]{20}");
		return jobId;
	}

	@Test
	void folderImportShouldGoFromPendingThroughImportingToCompleted() {
		Instant created = Instant.now();
		String jobId = create(importBody(List.of(List.of("data/"))));
		List<String> order = List.of("Pending", "Importing", "Completed");
		List<String> seen = new ArrayList<>();
		int lastProgress = 0;
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (seen.isEmpty() || !seen.get(seen.size() - 1).equals("Completed")) {
			boolean early = Duration.between(created, Instant.now()).toMillis() < 50;
			JsonNode job = client.post(JOBS + "describe", Map.of("jobId", jobId, "clusterId", emulator.clusterId()));
			String state = job.path("state").asString();
			int progress = job.path("progress").intValue();
			assertThat(order).as(job.toString()).contains(state);
			if (early) {
				assertThat(state).isEqualTo("Pending");
			}
			switch (state) {
				case "Pending" -> assertThat(progress).isZero();
				case "Importing" -> {
					assertThat(progress).isBetween(1, 99);
					assertThat(job.path("completeTime").asString()).isEmpty();
				}
				default -> assertThat(progress).isEqualTo(100);
			}
			assertThat(progress).isGreaterThanOrEqualTo(lastProgress);
			lastProgress = progress;
			if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(state)) {
				seen.add(state);
			}
			assertThat(System.nanoTime()).isLessThan(deadline);
			LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
		}
		assertThat(seen).containsSubsequence("Importing", "Completed");
		assertThat(order).containsSubsequence(seen);
		JsonNode done = client.awaitJob(jobId, "Completed"::equals);
		assertThat(done.path("progress").intValue()).isEqualTo(100);
		assertThat(done.path("jobId").asString()).isEqualTo(jobId);
		assertThat(done.path("collectionName").asString()).isEqualTo("my_collection");
		assertThat(done.path("completeTime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		assertThat(done.path("reason").asString()).isEmpty();
		assertThat(done.path("totalRows").longValue()).isEqualTo(3 + 2 + 4);
		assertThat(done.path("details").valueStream().map((file) -> file.path("fileName").asString()).toList())
			.containsExactlyInAnyOrder("data/rows.csv", "data/array.json", "data/sub/rows.json", "data/part.parquet");
		JsonNode csv = done.path("details")
			.valueStream()
			.filter((file) -> file.path("fileName").asString().equals("data/rows.csv"))
			.findFirst()
			.orElseThrow();
		assertThat(csv.path("totalRows").longValue()).isEqualTo(3);
		assertThat(csv.path("fileSize").longValue()).isEqualTo(22);
		assertThat(csv.path("state").asString()).isEqualTo("Completed");
		for (String alias : List.of("getProgress", "get_progress")) {
			assertThat(client.post(JOBS + alias, Map.of("jobId", jobId)).path("state").asString())
				.isEqualTo("Completed");
		}
	}

	@Test
	void pythonBulkImportBodyShouldBeAccepted() {
		String body = """
				{"collectionName": "my_collection", "dbName": "", "partitionName": "", "files": null,
				 "objectUrl": "", "objectUrls": null, "clusterId": "%s", "projectId": "", "regionId": "",
				 "accessKey": "", "secretKey": "", "token": "", "volumeName": "v1",
				 "dataPaths": [["data/rows.csv"], ["data/part.parquet"]], "options": {}}
				""".formatted(emulator.clusterId());
		String jobId = client.post(JOBS + "create", body).path("jobId").asString();
		JsonNode done = client.awaitJob(jobId, "Completed"::equals);
		assertThat(done.path("details").size()).isEqualTo(2);
		assertThat(done.path("fileName").asString()).contains("data/rows.csv");
	}

	@Test
	void missingPathShouldFailTheJobWithAReason() {
		String jobId = create(importBody(List.of(List.of("data/x.parquet"))));
		JsonNode failed = client.awaitJob(jobId, (state) -> !state.equals("Pending"));
		assertThat(failed.path("state").asString()).isEqualTo("Failed");
		assertThat(failed.path("progress").intValue()).isZero();
		assertThat(failed.path("reason").asString()).isEqualTo("dataPath 'data/x.parquet' does not exist in volume 'v1'");
		assertThat(failed.path("completeTime").asString()).isNotEmpty();
		String emptyFolder = create(importBody(List.of(List.of("nothing/"))));
		assertThat(client.awaitJob(emptyFolder, "Failed"::equals).path("reason").asString()).contains("'nothing/'");
	}

	@Test
	void unsupportedFileTypeShouldFailTheJob() {
		String jobId = create(importBody(List.of(List.of("notes.txt"))));
		assertThat(client.awaitJob(jobId, "Failed"::equals).path("reason").asString())
			.isEqualTo("unsupported file type 'notes.txt': expected .parquet, .json, .jsonl, .csv or .npy");
		String folder = create(importBody(List.of(List.of("mixed/"))));
		assertThat(client.awaitJob(folder, "Failed"::equals).path("reason").asString()).contains("'mixed/notes.txt'");
	}

	@Test
	void invalidRequestsShouldNameTheField() {
		assertThat(client.error("POST", JOBS + "create", importBody(List.of(List.of("a.csv")), "clusterId", NONE),
				ErrorCode.MISSING_FIELD)).isEqualTo("clusterId is required");
		assertThat(client.error("POST", JOBS + "create", importBody(List.of(List.of("a.csv")), "clusterId", "in01-x"),
				ErrorCode.CLUSTER_NOT_FOUND)).contains("in01-x");
		assertThat(client.error("POST", JOBS + "create",
				importBody(List.of(List.of("a.csv")), "collectionName", NONE), ErrorCode.MISSING_FIELD))
			.isEqualTo("collectionName is required");
		assertThat(client.error("POST", JOBS + "create",
				importBody(List.of(List.of("a.csv")), "collectionName", "bad name"), ErrorCode.INVALID_NAME))
			.contains("collectionName")
			.contains("'bad name'");
		assertThat(client.error("POST", JOBS + "create", importBody(List.of(List.of("a.csv")), "volumeName", NONE),
				ErrorCode.MISSING_FIELD)).contains("volumeName").contains("stageName");
		assertThat(client.error("POST", JOBS + "create",
				importBody(List.of(List.of("a.csv")), "stageName", "s"), ErrorCode.INVALID_VALUE))
			.contains("exactly one of volumeName or stageName");
		assertThat(client.error("POST", JOBS + "create", importBody(List.of(List.of("a.csv")), "volumeName", "ghost"),
				ErrorCode.VOLUME_NOT_FOUND)).contains("ghost");
		assertThat(client.error("POST", JOBS + "create",
				importBody(List.of(List.of("a.csv")), "volumeName", NONE, "stageName", "ghost"),
				ErrorCode.STAGE_NOT_FOUND)).contains("ghost");
		assertThat(client.error("POST", JOBS + "create", importBody(List.of()), ErrorCode.MISSING_FIELD))
			.isEqualTo("dataPaths is required");
		assertThat(client.error("POST", JOBS + "create", importBody(List.of(List.of())), ErrorCode.INVALID_VALUE))
			.contains("dataPaths");
		assertThat(client.error("POST", JOBS + "create", importBody("data/"), ErrorCode.INVALID_VALUE))
			.contains("dataPaths");
		assertThat(client.error("POST", JOBS + "create", importBody(List.of(List.of("../x.csv"))),
				ErrorCode.INVALID_VALUE)).contains("dataPaths").contains("..");
		assertThat(client.error("POST", JOBS + "create",
				importBody(List.of(List.of("a.csv")), "objectUrls", List.of(List.of("s3://b/a.csv"))),
				ErrorCode.INVALID_VALUE)).isEqualTo("exactly one data source is allowed: objectUrls, volumeName or stageName");
		assertThat(client.error("POST", JOBS + "create",
				importBody(List.of(List.of("a.csv")), "clusterId", "in01-east"), ErrorCode.REGION_MISMATCH))
			.contains("in01-east")
			.contains("aws-us-east-1")
			.contains("'v1'");
		assertThat(client.error("POST", JOBS + "describe", Map.of("clusterId", emulator.clusterId()),
				ErrorCode.MISSING_FIELD)).isEqualTo("jobId is required");
		assertThat(client.error("POST", JOBS + "describe", Map.of("jobId", "job-nope"), ErrorCode.JOB_NOT_FOUND))
			.contains("job-nope");
	}

	@Test
	void stageImportShouldSkipTheRegionCheck() {
		client.post("/v2/stages/create",
				Map.of("projectId", emulator.projectId(), "regionId", "aws-us-east-1", "stageName", "east_stage"));
		TestObjects.put(emulator, emulator.stagePrefix("east_stage").orElseThrow() + "f.jsonl", "{\"id\":7,\"v\":[7]}\n");
		String jobId = create(importBody(List.of(List.of("f.jsonl")), "volumeName", NONE, "stageName", "east_stage"));
		assertThat(client.awaitJob(jobId, (state) -> !state.equals("Pending") && !state.equals("Importing"))
			.path("state")
			.asString()).isEqualTo("Completed");
	}

	@Test
	void twoPhaseImportShouldHoldItsRowsUntilCommitAndDropThemOnAbort() {
		for (String name : List.of("two_phase", "two_phase_early")) {
			emulator.createCollection("{\"collectionName\": \"" + name + "\", \"schema\": {\"fields\": ["
					+ "{\"fieldName\": \"id\", \"dataType\": \"Int64\", \"isPrimary\": true},"
					+ "{\"fieldName\": \"v\", \"dataType\": \"FloatVector\", \"elementTypeParams\": {\"dim\": 1}}]}}");
		}
		Map<String, String> twoPhase = Map.of("auto_commit", "false");
		String committed = create(importBody(List.of(List.of("data/rows.csv")), "collectionName", "two_phase",
				"options", twoPhase));
		String aborted = create(importBody(List.of(List.of("data/sub/rows.json")), "collectionName", "two_phase",
				"options", twoPhase));
		String plain = create(importBody(List.of(List.of("data/array.json")), "collectionName", "two_phase",
				"options", Map.of("auto_commit", "true")));
		String early = create(importBody(List.of(List.of("data/rows.csv")), "collectionName", "two_phase_early",
				"options", twoPhase));
		// Committed while still pending: its rows count once it completes, not before.
		client.post(JOBS + "commit", Map.of("jobId", early));
		long beforeCompletion = emulator.collectionRowCount("two_phase_early");
		if (!client.post(JOBS + "describe", Map.of("jobId", early)).path("state").asString().equals("Completed")) {
			assertThat(beforeCompletion).isZero();
		}
		assertThat(client.awaitJob(early, "Completed"::equals).path("totalRows").longValue()).isEqualTo(3);
		assertThat(emulator.collectionRowCount("two_phase_early")).isEqualTo(3);
		for (String jobId : List.of(committed, aborted, plain)) {
			assertThat(client.awaitJob(jobId, "Completed"::equals).path("state").asString()).isEqualTo("Completed");
		}
		assertThat(emulator.collectionRowCount("two_phase")).as("only the auto-committed job's 2 rows count").isEqualTo(2);

		client.post(JOBS + "commit", Map.of("jobId", committed, "clusterId", emulator.clusterId()));
		assertThat(emulator.collectionRowCount("two_phase")).isEqualTo(2 + 3);
		client.post(JOBS + "abort", Map.of("jobId", aborted, "clusterId", emulator.clusterId()));
		JsonNode dropped = client.post(JOBS + "describe", Map.of("jobId", aborted));
		assertThat(dropped.path("state").asString()).isEqualTo("Failed");
		assertThat(dropped.path("reason").asString()).isEqualTo("aborted");
		// Settled jobs stay as they are: a committed one cannot be aborted, an aborted one not committed.
		client.post(JOBS + "abort", Map.of("jobId", committed));
		client.post(JOBS + "abort", Map.of("jobId", plain));
		client.post(JOBS + "commit", Map.of("jobId", aborted));
		assertThat(client.post(JOBS + "describe", Map.of("jobId", committed)).path("state").asString()).isEqualTo("Completed");
		assertThat(client.post(JOBS + "describe", Map.of("jobId", plain)).path("state").asString()).isEqualTo("Completed");
		assertThat(emulator.collectionRowCount("two_phase")).isEqualTo(2 + 3);
	}

	@Test
	void optionsThatAreNotStringsShouldBeRefusedNamingTheOption() {
		assertThat(client.error("POST", JOBS + "create", importBody(List.of(List.of("data/rows.csv")), "options",
				Map.of("auto_commit", false)), ErrorCode.INVALID_VALUE))
			.isEqualTo("options.auto_commit must be a string, as in {\"auto_commit\": \"false\"}, was false");
		assertThat(client.error("POST", JOBS + "create", importBody(List.of(List.of("data/rows.csv")), "options",
				List.of("auto_commit")), ErrorCode.INVALID_VALUE))
			.startsWith("options must be an object of string values");
	}

	@Test
	void listShouldFilterByCollectionAndPage() {
		try (ZillizCloudEmulator own = ZillizCloudEmulator.builder().importDuration(Duration.ofHours(1)).start()) {
			ControlPlaneTestClient ownClient = new ControlPlaneTestClient(own);
			ownClient.createVolume("lv", own.regionId(), own.projectId());
			String first = ownClient.post(JOBS + "create", Map.of("clusterId", own.clusterId(), "collectionName", "a",
					"volumeName", "lv", "dataPaths", List.of(List.of("x.csv")))).path("jobId").asString();
			ownClient.post(JOBS + "create", Map.of("clusterId", own.clusterId(), "collectionName", "b", "volumeName",
					"lv", "dataPaths", List.of(List.of("x.csv"))));
			JsonNode all = ownClient.post(JOBS + "list", Map.of("clusterId", own.clusterId()));
			assertThat(all.path("count").intValue()).isEqualTo(2);
			assertThat(all.path("pageSize").intValue()).isEqualTo(10);
			assertThat(all.path("currentPage").intValue()).isEqualTo(1);
			JsonNode record = all.path("records").get(0);
			assertThat(record.path("jobId").asString()).isEqualTo(first);
			assertThat(record.path("collectionName").asString()).isEqualTo("a");
			assertThat(record.path("state").asString()).isEqualTo("Pending");
			assertThat(record.path("progress").intValue()).isZero();
			JsonNode onlyB = ownClient.post(JOBS + "list",
					Map.of("clusterId", own.clusterId(), "collectionName", "b", "pageSize", 1, "currentPage", 1));
			assertThat(onlyB.path("count").intValue()).isEqualTo(1);
			assertThat(onlyB.path("records").get(0).path("collectionName").asString()).isEqualTo("b");
			JsonNode secondPage = ownClient.post(JOBS + "list",
					Map.of("clusterId", own.clusterId(), "pageSize", 1, "currentPage", 2));
			assertThat(secondPage.path("records").size()).isEqualTo(1);
			assertThat(ownClient.error("POST", JOBS + "list", Map.of("clusterId", own.clusterId(), "pageSize", 1000),
					ErrorCode.INVALID_PAGE)).contains("pageSize").contains("1000");
			assertThat(ownClient.error("POST", JOBS + "list", Map.of("clusterId", own.clusterId(), "currentPage", 1.5),
					ErrorCode.INVALID_PAGE)).contains("currentPage");
			assertThat(ownClient.error("POST", JOBS + "list", Map.of(), ErrorCode.MISSING_FIELD))
				.isEqualTo("clusterId is required");

			JsonNode aborted = ownClient.post(JOBS + "abort", Map.of("jobId", first, "clusterId", own.clusterId()));
			assertThat(aborted.path("jobId").asString()).isEqualTo(first);
			JsonNode described = ownClient.post(JOBS + "describe", Map.of("jobId", first));
			assertThat(described.path("state").asString()).isEqualTo("Failed");
			assertThat(described.path("reason").asString()).isEqualTo("aborted");
			assertThat(ownClient.post(JOBS + "commit", Map.of("jobId", first)).path("jobId").asString())
				.isEqualTo(first);
			assertThat(ownClient.error("POST", JOBS + "abort", Map.of("jobId", "job-none"), ErrorCode.JOB_NOT_FOUND))
				.contains("job-none");
		}
	}

}
