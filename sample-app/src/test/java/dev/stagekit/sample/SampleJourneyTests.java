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
		// A stand-in Parquet file: the emulator checks the extension and that the merge field is a column name.
		java.nio.file.Files.writeString(source.resolve("extra.parquet"), "PAR1 id source_file PAR1");
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

}
