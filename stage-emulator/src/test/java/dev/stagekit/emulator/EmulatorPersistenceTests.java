package dev.stagekit.emulator;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class EmulatorPersistenceTests {

	private static final String CSV = "id,v\n1,[1]\n2,[2]\n";

	@Test
	void stateShouldSurviveARestartWithTheSameDataDirectory(@TempDir Path directory) {
		String prefix;
		String stagePrefix;
		String jobId;
		String createTime;
		try (ZillizCloudEmulator first = ZillizCloudEmulator.builder()
			.dataDirectory(directory)
			.importDuration(Duration.ofMillis(300))
			.start()) {
			ControlPlaneTestClient client = new ControlPlaneTestClient(first);
			client.createVolume("kept", first.regionId(), first.projectId());
			client.post("/v2/stages/create",
					Map.of("projectId", first.projectId(), "regionId", first.regionId(), "stageName", "kept_stage"));
			prefix = first.volumePrefix("kept").orElseThrow();
			stagePrefix = first.stagePrefix("kept_stage").orElseThrow();
			first.createCollection("{\"collectionName\": \"c\", \"schema\": {\"fields\": ["
					+ "{\"fieldName\": \"id\", \"dataType\": \"Int64\", \"isPrimary\": true},"
					+ "{\"fieldName\": \"v\", \"dataType\": \"FloatVector\", \"elementTypeParams\": {\"dim\": 1}}]}}");
			TestObjects.put(first, prefix + "a.csv", CSV);
			jobId = client.post("/v2/vectordb/jobs/import/create", Map.of("clusterId", first.clusterId(),
					"collectionName", "c", "volumeName", "kept", "dataPaths", List.of(List.of("a.csv"))))
				.path("jobId")
				.asString();
			createTime = client.get("/v2/volumes/kept").path("createTime").asString();
			assertThat(directory.resolve("state.json")).exists();
		}
		assertThat(directory).isDirectoryNotContaining((file) -> file.getFileName().toString().endsWith(".tmp"));
		try (ZillizCloudEmulator second = ZillizCloudEmulator.builder()
			.dataDirectory(directory)
			.importDuration(Duration.ofMillis(300))
			.start()) {
			ControlPlaneTestClient client = new ControlPlaneTestClient(second);
			assertThat(second.volumePrefix("kept")).hasValue(prefix);
			assertThat(second.object(prefix + "a.csv")).get().extracting(StoredObject::size).isEqualTo((long) CSV.length());
			assertThat(second.stagePrefix("kept_stage")).hasValue(stagePrefix);
			assertThat(client.get("/v2/volumes/kept").path("createTime").asString()).isEqualTo(createTime);
			JsonNode job = client.awaitJob(jobId, "Completed"::equals);
			assertThat(job.path("totalRows").longValue()).isEqualTo(2);
			assertThat(job.path("details").get(0).path("fileName").asString()).isEqualTo("a.csv");
			// The collection and the rows the job added survive too.
			assertThat(second.collectionRowCount("c")).isEqualTo(2);
			assertThat(directory.resolve("collections.json")).exists();
			client.ok("DELETE", "/v2/volumes/kept", null);
		}
		try (ZillizCloudEmulator third = ZillizCloudEmulator.builder().dataDirectory(directory).start()) {
			assertThat(third.volumePrefix("kept")).isEmpty();
			assertThat(third.listObjects(prefix)).isEmpty();
			assertThat(third.stagePrefix("kept_stage")).isPresent();
		}
	}

	@Test
	void idempotencyKeysShouldSurviveARestartSoARetriedCreateFindsItsJob(@TempDir Path directory) {
		Map<String, Object> body = Map.of("clusterId", "in01-emulator", "collectionName", "c", "volumeName", "kept",
				"dataPaths", List.of(List.of("a.csv")));
		String jobId;
		try (ZillizCloudEmulator first = ZillizCloudEmulator.builder().dataDirectory(directory).start()) {
			ControlPlaneTestClient client = new ControlPlaneTestClient(first);
			client.createVolume("kept", first.regionId(), first.projectId());
			first.createCollection("{\"collectionName\": \"c\", \"schema\": {\"fields\": ["
					+ "{\"fieldName\": \"id\", \"dataType\": \"Int64\", \"isPrimary\": true},"
					+ "{\"fieldName\": \"v\", \"dataType\": \"FloatVector\", \"elementTypeParams\": {\"dim\": 1}}]}}");
			TestObjects.put(first, first.volumePrefix("kept").orElseThrow() + "a.csv", CSV);
			jobId = created(client, body, "nightly-1");
		}
		try (ZillizCloudEmulator second = ZillizCloudEmulator.builder().dataDirectory(directory).start()) {
			ControlPlaneTestClient client = new ControlPlaneTestClient(second);
			assertThat(created(client, body, "nightly-1")).as("the create retried after a restart").isEqualTo(jobId);
			assertThat(created(client, body, "nightly-2")).isNotEqualTo(jobId);
			assertThat(client.post("/v2/vectordb/jobs/import/list", Map.of("clusterId", second.clusterId()))
				.path("count")
				.intValue()).isEqualTo(2);
		}
	}

	private static String created(ControlPlaneTestClient client, Map<String, Object> body, String key) {
		HttpResponse<String> response = client.send("POST", "/v2/vectordb/jobs/import/create", body,
				"Idempotency-Key", key);
		assertThat(response.body()).contains("\"code\":0");
		return response.body().replaceAll(".*\"jobId\":\"([^\"]+)\".*", "$1");
	}

	@Test
	void withoutDataDirectoryNothingShouldBeWritten(@TempDir Path directory) throws Exception {
		try (ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().start()) {
			new ControlPlaneTestClient(emulator).createVolume("memory_only", emulator.regionId(), emulator.projectId());
		}
		try (ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().start()) {
			assertThat(emulator.volumePrefix("memory_only")).isEmpty();
		}
		try (var files = Files.list(directory)) {
			assertThat(files).isEmpty();
		}
	}

}
