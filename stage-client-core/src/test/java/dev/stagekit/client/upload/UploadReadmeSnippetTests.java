package dev.stagekit.client.upload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.job.ImportJobId;
import dev.stagekit.client.job.ImportJobProgress;
import dev.stagekit.client.job.ImportRequest;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's upload snippet, run against the emulator: if this stops compiling or passing, the README is
 * wrong.
 */
class UploadReadmeSnippetTests {

	@TempDir
	Path temp;

	@Test
	void readmeSnippetWhenRunAgainstTheEmulatorShouldUploadAndImport() {
		Path data = this.temp.resolve("data");
		UploadTestSupport.write(data.resolve("rows.json"), "{\"rows\":[{\"id\":1,\"vector\":[0.1,0.2]},{\"id\":2,\"vector\":[0.3,0.4]}]}");
		UploadTestSupport.write(data.resolve("more/rows.json"), "{\"rows\":[{\"id\":3,\"vector\":[0.5,0.6]}]}");
		Flux<DataBuffer> content = Flux
			.just(DefaultDataBufferFactory.sharedInstance.wrap("{\"rows\":[{\"id\":4,\"vector\":[0.7,0.8]}]}".getBytes()));
		try (ZillizCloudEmulator emulator = ZillizCloudEmulator.builder()
			.advertisePlainHttp(true)
			.importDuration(Duration.ofMillis(200))
			.start()) {
			// The collection the README imports into: an id primary key and a 2-dimensional vector.
			emulator.createCollection("{\"collectionName\": \"my_collection\", \"dimension\": 2}");
			ZillizCloudClients zilliz = ZillizCloudClients.create(ZillizCloudClientSettings.builder()
				.endpoint(emulator.controlPlaneUrl())
				.apiKey(emulator.apiKey())
				.projectId(emulator.projectId())
				.regionId(emulator.regionId())
				.clusterId(emulator.clusterId())
				.build());
			zilliz.volumes().create(CreateVolumeRequest.builder("my_volume").build());
			ImportJobId importJob;
			UploadResult uploaded;
			UploadResult streamedResult;
			UploadProgress lastEvent;
			try (FileManagers files = FileManagers.builder(zilliz)
				.settings(UploadSettings.builder().fileConcurrency(4).partConcurrency(4).build())
				.build()) {
				// README: blocking, with a progress listener
				VolumeFileManager volume = files.volume("my_volume");
				UploadResult result = volume.upload(UploadRequest.builder(data, "run-1/")
					.skipPolicy(SkipPolicy.SKIP_IF_SAME_CHECKSUM)
					.progressListener((p) -> System.out.printf("%.0f%% of %d files%n", p.percent(), p.totalFiles()))
					.build());

				// README: reactive, with progress as a Flux
				UploadProgress done = files.reactiveVolume("my_volume")
					.uploadWithProgress(UploadRequest.builder(data, "run-2/").build())
					.doOnNext((p) -> System.out.println(p.bytesPerSecond() + " B/s, " + p.estimatedTimeLeft() + " left"))
					.blockLast();

				// README: streamed
				UploadResult streamed = files.reactiveVolume("my_volume").upload(content, "incoming/rows.json").block();

				// README: import
				ImportJobId job = zilliz.importJobs()
					.create(ImportRequest.builder("my_collection").from(result.location()).build());
				importJob = job;
				uploaded = result;
				streamedResult = streamed;
				lastEvent = done;
			}
			assertThat(uploaded.objects()).extracting(UploadedObject::path)
				.containsExactly("run-1/more/rows.json", "run-1/rows.json");
			assertThat(lastEvent.result().objects()).hasSize(2);
			assertThat(streamedResult.objects()).singleElement()
				.extracting(UploadedObject::path)
				.isEqualTo("incoming/rows.json");
			ImportJobProgress last = zilliz.reactiveImportJobs()
				.awaitCompletion(importJob, Duration.ofMillis(50))
				.blockLast(Duration.ofSeconds(30));
			assertThat(last.isCompleted()).isTrue();
			assertThat(last.totalRows()).isEqualTo(3L);
			String prefix = emulator.volumePrefix("my_volume").orElseThrow();
			assertThat(emulator.listObjects(prefix)).hasSize(5);
			assertThat(List.of(emulator.sha256(prefix + "run-1/rows.json")))
				.containsExactly(UploadTestSupport.sha256(data.resolve("rows.json")));
		}
	}

}
