package dev.stagekit.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.control.VolumeInfo;
import dev.stagekit.client.control.VolumeManager;
import dev.stagekit.client.control.VolumeType;
import dev.stagekit.client.internal.ApplyResult;
import dev.stagekit.client.internal.ControlPlane;
import dev.stagekit.client.job.ImportJobId;
import dev.stagekit.client.job.ImportJobProgress;
import dev.stagekit.client.job.ImportRequest;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's control-plane snippet, run against the emulator: if this stops compiling or
 * passing, the README is wrong.
 */
class ReadmeSnippetTests {

	private static ZillizCloudEmulator emulator;

	@BeforeAll
	static void start() {
		emulator = ZillizCloudEmulator.builder().importDuration(Duration.ofMillis(300)).advertisePlainHttp(true).start();
		// The collection the README imports into: an id primary key and a 2-dimensional vector.
		emulator.createCollection("{\"collectionName\": \"my_collection\", \"dimension\": 2}");
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@Test
	void readmeSnippetWhenRunAgainstTheEmulatorShouldCreateListAndImport() {
		ZillizCloudClients zilliz = ZillizCloudClients.create(ZillizCloudClientSettings.builder()
			.endpoint(emulator.controlPlaneUrl())
			.apiKey(emulator.apiKey())
			.projectId(emulator.projectId())
			.regionId(emulator.regionId())
			.clusterId(emulator.clusterId())
			.build());
		// README: reactive
		List<VolumeInfo> listed = zilliz.reactiveVolumes()
			.create(CreateVolumeRequest.builder("my_volume").build())
			.thenMany(zilliz.reactiveVolumes().listAll())
			.collectList()
			.block();
		// README: blocking
		VolumeManager volumes = zilliz.volumes();
		VolumeInfo info = volumes.describe("my_volume");

		putFile("my_volume", "data/rows.json", "{\"rows\":[{\"id\":1,\"vector\":[0.1,0.2]},{\"id\":2,\"vector\":[0.3,0.4]}]}");
		// README: import and follow
		ImportJobId job = zilliz.importJobs()
			.create(ImportRequest.builder("my_collection").fromVolume("my_volume", List.of(List.of("data/"))).build());
		ImportJobProgress last = zilliz.reactiveImportJobs()
			.awaitCompletion(job, Duration.ofMillis(100))
			.doOnNext((progress) -> System.out.println(progress.state() + " " + progress.progress() + "%"))
			.blockLast();

		assertThat(listed).extracting(VolumeInfo::volumeName).containsExactly("my_volume");
		assertThat(info.type()).isEqualTo(VolumeType.MANAGED);
		assertThat(last.isCompleted()).isTrue();
		assertThat(last.totalRows()).isEqualTo(2L);
	}

	/** Puts a file where the import expects it, with the credentials apply issues. */
	private static void putFile(String volume, String path, String content) {
		ZillizCloudClients clients = ZillizCloudClients
			.create(ZillizCloudClientSettings.builder().endpoint(emulator.controlPlaneUrl()).apiKey(emulator.apiKey()).build());
		ApplyResult applied = ControlPlane.of(clients).apply(Kind.VOLUME, volume, "").block(Duration.ofSeconds(30));
		ApplyResult.StorageCredentials credentials = applied.credentials();
		try (S3AsyncClient s3 = S3AsyncClient.builder()
			.endpointOverride(URI.create(applied.endpoint()))
			.region(Region.of(applied.region()))
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials
				.create(credentials.tmpAK(), credentials.tmpSK(), credentials.sessionToken())))
			.build()) {
			s3.putObject((b) -> b.bucket(applied.bucketName()).key(applied.prefix() + path),
					AsyncRequestBody.fromString(content, StandardCharsets.UTF_8))
				.join();
		}
	}

}
