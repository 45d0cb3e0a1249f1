package dev.stagekit.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.control.VolumeManager;
import dev.stagekit.client.job.ImportJobId;
import dev.stagekit.client.job.ImportJobs;
import dev.stagekit.client.job.ImportRequest;
import dev.stagekit.client.upload.StoredFile;
import dev.stagekit.client.upload.UploadedObject;
import dev.stagekit.client.upload.VolumeFileManager;
import dev.stagekit.emulator.ZillizCloudEmulator;
import dev.stagekit.emulator.junit.ZillizCloudEmulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capabilities of the official clients' latest round through the injected beans: the
 * {@code skip-if-same-size-and-mtime} policy set as a property, listing a volume's files, and a two-phase import.
 */
class ParityBeansTests {

	@RegisterExtension
	static final ZillizCloudEmulatorExtension zilliz = ZillizCloudEmulatorExtension
		.withSettings((settings) -> settings.advertisePlainHttp(true).importDuration(Duration.ofMillis(100)));

	private final ZillizCloudEmulator emulator = zilliz.emulator();

	@TempDir
	Path temp;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, ZillizCloudAutoConfiguration.class));

	@BeforeAll
	static void createCollection() {
		zilliz.emulator().createCollection("{\"collectionName\":\"beans\",\"dimension\":2}");
	}

	@Test
	void beansShouldSkipByPropertyListAndRunATwoPhaseImport() throws Exception {
		Path file = Files.writeString(this.temp.resolve("rows.json"), "{\"rows\":[{\"id\":1,\"vector\":[0.1,0.2]}]}");
		// Stores keep LastModified in whole seconds: a file modified in the second of its upload is sent again.
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
		this.contextRunner
			.withPropertyValues("zilliz.cloud.endpoint=" + emulator.controlPlaneUrl(),
					"zilliz.cloud.api-key=" + emulator.apiKey(), "zilliz.cloud.project-id=" + emulator.projectId(),
					"zilliz.cloud.region-id=" + emulator.regionId(), "zilliz.cloud.cluster-id=" + emulator.clusterId(),
					"zilliz.cloud.volume.name=beans_volume",
					"zilliz.cloud.upload.skip-policy=skip-if-same-size-and-mtime")
			.run((context) -> {
				context.getBean(VolumeManager.class).create(CreateVolumeRequest.builder("beans_volume").build());
				VolumeFileManager files = context.getBean(VolumeFileManager.class);
				assertThat(files.upload(file, "in").objects()).noneMatch(UploadedObject::skipped);
				assertThat(files.upload(file, "in").objects()).allMatch(UploadedObject::skipped);
				try (Stream<StoredFile> stored = files.list("in")) {
					assertThat(stored.map(StoredFile::path)).containsExactly("in/rows.json");
				}
				ImportJobs jobs = context.getBean(ImportJobs.class);
				ImportJobId job = jobs.create(ImportRequest.builder("beans")
					.fromVolume("beans_volume", List.of(List.of("in/rows.json")))
					.autoCommit(false)
					.build());
				assertThat(jobs.awaitCompletion(job, Duration.ofMillis(20), Duration.ofSeconds(10)).isCompleted()).isTrue();
				jobs.commit(job);
				assertThat(emulator.requestCount("POST /v2/vectordb/jobs/import/commit")).isEqualTo(1);
			});
	}

}
