package dev.stagekit.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.job.ImportJobSummary;
import dev.stagekit.client.job.ListImportJobsRequest;
import dev.stagekit.emulator.StoredObject;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line journey against the emulator, as {@code java -jar sample-app.jar} runs it.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleJourneyTests {

	@Test
	void journeyWhenRunAgainstTheEmulatorShouldUploadImportAndExitZero(CapturedOutput output) {
		try (ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().importDuration(Duration.ofMillis(300))
			.start()) {
			List<String> args = new ArrayList<>(EmbeddedEmulator.arguments(emulator));
			args.add("--sample.size-mb=12");
			args.add("--sample.volume=journey_volume");
			assertThat(SampleApplication.run(args.toArray(String[]::new))).isZero();

			String prefix = emulator.volumePrefix("journey_volume").orElseThrow();
			List<StoredObject> objects = emulator.listObjects(prefix);
			assertThat(objects).hasSize(9);
			assertThat(objects).filteredOn((object) -> object.key().endsWith("/rows-large.json"))
				.singleElement()
				.satisfies((large) -> assertThat(large.size()).isGreaterThan(8L * 1024 * 1024));
			assertThat(emulator.requestCount("s3:UploadPart")).isGreaterThan(1);
			assertThat(emulator.incompleteUploads()).isEmpty();
			assertThat(emulator.requestCount("POST /v2/volumes/apply")).isEqualTo(1);
			assertThat(emulator.requestCount("POST /v2/stages/create")).isEqualTo(1);

			ZillizCloudClients clients = ZillizCloudClients.create(ZillizCloudClientSettings.builder()
				.endpoint(emulator.controlPlaneUrl())
				.apiKey(emulator.apiKey())
				.clusterId(emulator.clusterId())
				.build());
			List<ImportJobSummary> jobs = clients.importJobs().list(ListImportJobsRequest.firstPage()).items();
			assertThat(jobs).singleElement().satisfies((job) -> assertThat(job.state()).isEqualTo("Completed"));

			assertThat(output.getOut()).contains("Created volume 'journey_volume'", "100.0%", "Uploaded 9 files",
					"Completed", "Summary");
		}
	}

	@Test
	void journeyWhenSourceIsMissingShouldPrintOneLineAndExitOne(CapturedOutput output) {
		try (ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().start()) {
			List<String> args = new ArrayList<>(EmbeddedEmulator.arguments(emulator));
			args.add("--sample.source=/nonexistent/data");
			assertThat(SampleApplication.run(args.toArray(String[]::new))).isEqualTo(1);
			assertThat(output.getErr()).contains("error: Invalid source '/nonexistent/data'")
				.doesNotContain("\tat ")
				.doesNotContain(emulator.apiKey());
			assertThat(emulator.requestCounts().keySet()).noneMatch((name) -> name.startsWith("s3:"));
		}
	}

	@Test
	void journeyWhenParquetUploadedAndMergeAskedShouldMergeIt(CapturedOutput output) throws Exception {
		java.nio.file.Path source = java.nio.file.Files.createTempDirectory("parquet-source");
		// A real Parquet file: the emulator reads it against the collection's schema on import (source_file lands
		// in the dynamic field) and joins it on the merge field.
		writeParquet(source.resolve("extra.parquet"));
		try (ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().importDuration(Duration.ofMillis(300))
			.start()) {
			List<String> args = new ArrayList<>(EmbeddedEmulator.arguments(emulator));
			args.add("--sample.source=" + source);
			args.add("--sample.volume=merge_volume");
			args.add("--sample.merge-into=sample_collection_merged");
			assertThat(SampleApplication.run(args.toArray(String[]::new))).isZero();
			assertThat(emulator.requestCount("POST /v2/etl/merge")).isEqualTo(1);
			assertThat(output.getOut()).contains("Started merge job", "merge SUCCESSFUL 100%");
		}
	}

	private static void writeParquet(java.nio.file.Path file) throws java.io.IOException {
		org.apache.parquet.schema.MessageType schema = org.apache.parquet.schema.MessageTypeParser.parseMessageType("""
				message row {
				  required int64 id;
				  required binary title (STRING);
				  required group vector (LIST) { repeated group list { required float element; } }
				  required binary source_file (STRING);
				}""");
		try (org.apache.parquet.hadoop.ParquetWriter<org.apache.parquet.example.data.Group> writer = org.apache.parquet.hadoop.example.ExampleParquetWriter
			.builder(new org.apache.parquet.io.LocalOutputFile(file))
			.withType(schema)
			.build()) {
			org.apache.parquet.example.data.simple.SimpleGroupFactory groups = new org.apache.parquet.example.data.simple.SimpleGroupFactory(
					schema);
			for (long id = 0; id < 3; id++) {
				org.apache.parquet.example.data.Group row = groups.newGroup();
				row.append("id", id);
				row.append("title", "document " + id);
				org.apache.parquet.example.data.Group vector = row.addGroup("vector");
				for (int i = 0; i < SampleData.DIMENSION; i++) {
					vector.addGroup("list").append("element", i / 10.0f);
				}
				row.append("source_file", "extra.parquet");
				writer.write(row);
			}
		}
	}

}
