package dev.stagekit.client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.stagekit.client.control.CreateStageRequest;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.job.ControlPlaneJob;
import dev.stagekit.client.job.JobFailedException;
import dev.stagekit.client.job.MergeDataType;
import dev.stagekit.client.job.MergeRequest;
import dev.stagekit.client.job.NewField;
import dev.stagekit.client.upload.FileManagers;
import dev.stagekit.client.upload.UploadResult;
import dev.stagekit.emulator.ParquetFiles;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Merge jobs: requests refused before anything is sent.
 */
class MergeJobsTests {

	private static ZillizCloudEmulator emulator;

	private static ZillizCloudClients clients;

	@BeforeAll
	static void start() {
		emulator = ZillizCloudEmulator.builder().importDuration(Duration.ofMillis(300)).advertisePlainHttp(true).start();
		clients = ZillizCloudClients.create(ZillizCloudClientSettings.builder()
			.endpoint(emulator.controlPlaneUrl())
			.apiKey(emulator.apiKey())
			.clusterId(emulator.clusterId())
			.projectId(emulator.projectId())
			.regionId(emulator.regionId())
			.build());
		// The source collection of every merge: keys "id" and "pk", a vector.
		emulator.createCollection("{\"collectionName\": \"docs\", \"schema\": {\"fields\": ["
				+ "{\"fieldName\": \"id\", \"dataType\": \"Int64\", \"isPrimary\": true}, "
				+ "{\"fieldName\": \"pk\", \"dataType\": \"Int64\"}, "
				+ "{\"fieldName\": \"vector\", \"dataType\": \"FloatVector\", \"elementTypeParams\": {\"dim\": 2}}]}}");
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@BeforeEach
	void reset() {
		emulator.resetRequestCounts();
	}

	@Test
	void newFieldWhenVarcharWithoutMaxLengthShouldBeRefused() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> new NewField("title", MergeDataType.VARCHAR, null))
			.withMessageContaining("newFields[title].params.maxLength")
			.withMessageContaining("positive maximum length");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> new NewField("n", MergeDataType.INT64, 10))
			.withMessageContaining("only VARCHAR fields take a maximum length");
		assertThat(NewField.varchar("title", 256).maxLength()).isEqualTo(256);
	}

	@Test
	void mergeWhenDestinationIsTheSourceShouldBeRefusedBeforeAnyRequest() {
		MergeRequest request = MergeRequest.builder("docs", "docs", "id")
			.newField(NewField.of("score", MergeDataType.FLOAT))
			.fromVolume("vol", "extra/")
			.build();
		StepVerifier.create(clients.reactiveMergeJobs().merge(request))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidRequestException.class)
				.hasMessageContaining("destCollectionName")
				.hasMessageContaining("must differ from the source collection"))
			.verify(Duration.ofSeconds(5));
		MergeRequest otherDb = MergeRequest.builder("docs", "docs", "id")
			.destDbName("archive")
			.newField(NewField.of("score", MergeDataType.FLOAT))
			.build();
		assertThat(otherDb.destDbName()).isEqualTo("archive");
		assertThat(emulator.requestCounts().values()).allMatch((count) -> count == 0);
	}

	@Test
	void mergeWhenNoNewFieldOrBadNamesShouldBeRefusedBeforeAnyRequest() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> clients.mergeJobs().merge(MergeRequest.builder("docs", "docs2", "id").build()))
			.withMessageContaining("newFields");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> clients.mergeJobs()
				.merge(MergeRequest.builder("docs", "docs2", "id")
					.newField(NewField.of("x", MergeDataType.BOOL))
					.fromStage("bad stage name!", "p.parquet")
					.build()))
			.withMessageContaining("stageName");
		assertThat(emulator.requestCounts().values()).allMatch((count) -> count == 0);
	}

	/** A real Parquet file of two rows: an INT64 key column and a second column of the given Parquet type. */
	private static byte[] parquet(String key, String column, String type, Object first, Object second) {
		return ParquetFiles.write("message row { required int64 " + key + "; required " + type + " " + column + "; }",
				List.of(Map.of(key, 1L, column, first), Map.of(key, 2L, column, second)));
	}

	@Test
	void mergeWhenVolumeHoldsParquetShouldRunToSuccess() throws Exception {
		clients.volumes().create(CreateVolumeRequest.builder("merge_volume").build());
		Path dir = Files.createTempDirectory("merge");
		Files.write(dir.resolve("extra.parquet"),
				ParquetFiles.write("message row { required int64 id; required float score; required binary label (STRING); }",
						List.of(Map.of("id", 1L, "score", 0.5f, "label", "a"), Map.of("id", 2L, "score", 0.7f, "label", "b"))));
		UploadResult uploaded;
		try (FileManagers files = FileManagers.builder(clients).build()) {
			uploaded = files.volume("merge_volume").upload(dir, "extra/");
		}
		emulator.resetRequestCounts();
		String jobId = clients.mergeJobs()
			.merge(MergeRequest.builder("docs", "docs_enriched", "id")
				.newField(NewField.of("score", MergeDataType.FLOAT))
				.newField(NewField.varchar("label", 64))
				.from(uploaded.location())
				.build());
		StepVerifier.create(clients.reactiveMergeJobs().awaitCompletion(jobId, Duration.ofMillis(50)).last())
			.assertNext((job) -> {
				assertThat(job.isSuccessful()).isTrue();
				assertThat(job.type()).isEqualTo("MERGE");
				assertThat(job.progress()).isEqualTo(100);
				assertThat(job.startTime()).isNotNull();
				assertThat(job.endTime()).isNotNull();
				assertThat(job.reason()).isEmpty();
			})
			.verifyComplete();
		assertThat(emulator.requestCount("POST /v2/etl/merge")).isEqualTo(1);
		assertThat(emulator.requestCount("GET /v2/jobs/{name}")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void mergeWhenStageFormShouldSendStageFieldsAndSucceed() throws Exception {
		clients.stages().create(CreateStageRequest.builder("merge_stage").projectId(emulator.projectId()).regionId(emulator.regionId()).build());
		Path dir = Files.createTempDirectory("merge-stage");
		Files.write(dir.resolve("part-0.parquet"), parquet("pk", "flag", "boolean", true, false));
		try (FileManagers files = FileManagers.builder(clients).build()) {
			files.stage("merge_stage").upload(dir, "in/");
		}
		String jobId = clients.mergeJobs()
			.merge(MergeRequest.builder("docs", "docs_flagged", "pk")
				.newField(NewField.of("flag", MergeDataType.BOOL))
				.fromStage("merge_stage", "in/")
				.build());
		ControlPlaneJob job = clients.mergeJobs().awaitCompletion(jobId, Duration.ofMillis(50), Duration.ofSeconds(10));
		assertThat(job.isSuccessful()).isTrue();
	}

	@Test
	void mergeWhenJobFailsShouldSurfaceItsReason() throws Exception {
		clients.volumes().create(CreateVolumeRequest.builder("merge_fail").build());
		Path dir = Files.createTempDirectory("merge-fail");
		Files.write(dir.resolve("extra.parquet"), parquet("other_key", "score", "double", 0.5, 0.7));
		try (FileManagers files = FileManagers.builder(clients).build()) {
			files.volume("merge_fail").upload(dir, "");
		}
		String jobId = clients.mergeJobs()
			.merge(MergeRequest.builder("docs", "docs_x", "id")
				.newField(NewField.of("score", MergeDataType.DOUBLE))
				.fromVolume("merge_fail", "extra.parquet")
				.build());
		StepVerifier.create(clients.reactiveMergeJobs().awaitCompletion(jobId, Duration.ofMillis(50)))
			.thenConsumeWhile((job) -> !job.isFailed())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(JobFailedException.class)
				.hasMessageContaining("merge job " + jobId + " failed")
				.hasMessageContaining("merge field 'id' is not a column of 'extra.parquet'"))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void mergeWhenDataIsMissingOrNotParquetShouldBeRefusedByTheService() throws Exception {
		clients.volumes().create(CreateVolumeRequest.builder("merge_bad").build());
		Path dir = Files.createTempDirectory("merge-bad");
		Files.writeString(dir.resolve("rows.json"), "{}");
		try (FileManagers files = FileManagers.builder(clients).build()) {
			files.volume("merge_bad").upload(dir, "");
		}
		assertThatExceptionOfType(ZillizCloudApiException.class)
			.isThrownBy(() -> clients.mergeJobs()
				.merge(MergeRequest.builder("docs", "docs_y", "id")
					.newField(NewField.of("n", MergeDataType.INT64))
					.fromVolume("merge_bad", "rows.json")
					.build()))
			.withMessageContaining("not a Parquet file");
		assertThatExceptionOfType(ZillizCloudApiException.class)
			.isThrownBy(() -> clients.mergeJobs()
				.merge(MergeRequest.builder("docs", "docs_y", "id")
					.newField(NewField.of("n", MergeDataType.INT64))
					.fromVolume("merge_bad", "nowhere/")
					.build()))
			.withMessageContaining("does not exist");
		assertThatExceptionOfType(ZillizCloudApiException.class)
			.isThrownBy(() -> clients.mergeJobs()
				.merge(MergeRequest.builder("docs", "docs_y", "id")
					.clusterId("in01-unknown")
					.newField(NewField.of("n", MergeDataType.INT64))
					.build()))
			.withMessageContaining("in01-unknown");
		assertThatExceptionOfType(ZillizCloudApiException.class)
			.isThrownBy(() -> clients.mergeJobs().describe("job-doesnotexist"))
			.withMessageContaining("job-doesnotexist");
	}

}
