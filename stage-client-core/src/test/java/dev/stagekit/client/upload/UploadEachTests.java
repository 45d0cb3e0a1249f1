package dev.stagekit.client.upload;

import java.nio.file.Path;
import java.util.List;

import dev.stagekit.client.StorageLocation;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.emulator.DataPlaneFault;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static dev.stagekit.client.upload.UploadTestSupport.createVolume;
import static dev.stagekit.client.upload.UploadTestSupport.sha256;
import static dev.stagekit.client.upload.UploadTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Several sources uploaded in one credentials session ({@code uploadEach}), against the emulator's real S3 store.
 */
class UploadEachTests {

	private static final long MIB = 1024 * 1024;

	@RegisterExtension
	static final UploadEmulator upload = UploadEmulator.create().uploads((settings) -> settings.partSize(5 * MIB));

	private final ZillizCloudEmulator emulator = upload.emulator();

	private final ZillizCloudClients clients = upload.clients();

	private final FileManagers files = upload.files();

	@TempDir
	Path temp;

	@Test
	void filesAndADirectoryGoInOneSessionKeepingTheirNames() {
		String volume = createVolume(clients, emulator);
		String prefix = emulator.volumePrefix(volume).orElseThrow();
		Path one = write(this.temp.resolve("1.parquet"), 1000, 1);
		Path two = write(this.temp.resolve("2.parquet"), 7 * MIB, 2);
		Path folder = this.temp.resolve("3");
		Path id = write(folder.resolve("id.npy"), 300, 3);
		Path vector = write(folder.resolve("vector.npy"), 400, 4);
		List<UploadResult> results = files.volume(volume).uploadEach(List.of(one, two, folder), "\\batch/./b1");
		assertThat(results).hasSize(3);
		assertThat(results.get(0).location()).isEqualTo(StorageLocation.volume(volume, "batch/b1/"));
		assertThat(results.get(0).objects()).containsExactly(
				new UploadedObject("1.parquet", "batch/b1/1.parquet", prefix + "batch/b1/1.parquet", 1000, false));
		assertThat(results.get(1).objects().get(0).path()).isEqualTo("batch/b1/2.parquet");
		assertThat(results.get(2).location()).isEqualTo(StorageLocation.volume(volume, "batch/b1/3/"));
		assertThat(results.get(2).objects()).extracting(UploadedObject::path)
			.containsExactly("batch/b1/3/id.npy", "batch/b1/3/vector.npy");
		assertThat(emulator.sha256(prefix + "batch/b1/1.parquet")).isEqualTo(sha256(one));
		assertThat(emulator.sha256(prefix + "batch/b1/2.parquet")).isEqualTo(sha256(two));
		assertThat(emulator.sha256(prefix + "batch/b1/3/id.npy")).isEqualTo(sha256(id));
		assertThat(emulator.sha256(prefix + "batch/b1/3/vector.npy")).isEqualTo(sha256(vector));
		assertThat(emulator.requestCount("POST /v2/volumes/apply")).isEqualTo(1);
		assertThat(emulator.requestCount("s3:CreateMultipartUpload")).isEqualTo(1);
		assertThat(emulator.requestCount("s3:PutObject")).isEqualTo(3);
	}

	@Test
	void sourcesArrivingOneAfterTheOtherShareTheSessionAndExpiredCredentialsAreRenewed() {
		String volume = createVolume(clients, emulator);
		String prefix = emulator.volumePrefix(volume).orElseThrow();
		Path one = write(this.temp.resolve("a.json"), 500, 5);
		Path two = write(this.temp.resolve("b.json"), 600, 6);
		Path three = write(this.temp.resolve("c.json"), 700, 7);
		Sinks.Many<Path> sources = Sinks.many().unicast().onBackpressureBuffer();
		StepVerifier.create(files.reactiveVolume(volume).uploadEach(sources.asFlux(), "live"))
			.then(() -> sources.tryEmitNext(one))
			.assertNext((result) -> assertThat(result.objects().get(0).path()).isEqualTo("live/a.json"))
			.then(() -> sources.tryEmitNext(two))
			.assertNext((result) -> assertThat(result.objects().get(0).path()).isEqualTo("live/b.json"))
			.then(() -> {
				assertThat(emulator.requestCount("POST /v2/volumes/apply")).isEqualTo(1);
				emulator.expireCredentials();
				sources.tryEmitNext(three);
				sources.tryEmitComplete();
			})
			.assertNext((result) -> assertThat(result.objects().get(0).path()).isEqualTo("live/c.json"))
			.verifyComplete();
		assertThat(emulator.sha256(prefix + "live/c.json")).isEqualTo(sha256(three));
		// The third file found the credentials expired: the session renewed them once, for the rest of the batch.
		assertThat(emulator.requestCount("POST /v2/volumes/apply")).isEqualTo(2);
	}

	@Test
	void limitsAreCheckedPerSource() {
		try (ZillizCloudEmulator small = ZillizCloudEmulator.builder().maxContentLength(1000).start();
				FileManagers smallFiles = UploadTestSupport.fileManagers(small, UploadTestSupport.clients(small),
						(settings) -> settings)) {
			String volume = createVolume(UploadTestSupport.clients(small), small);
			Path one = write(this.temp.resolve("x1.bin"), 900, 8);
			Path two = write(this.temp.resolve("x2.bin"), 900, 9);
			Path big = write(this.temp.resolve("x3.bin"), 1001, 10);
			assertThat(smallFiles.volume(volume).uploadEach(List.of(one, two), "t")).hasSize(2);
			assertThatExceptionOfType(UploadLimitExceededException.class)
				.isThrownBy(() -> smallFiles.volume(volume).uploadEach(List.of(one, big), "u"))
				.withMessageContaining("1001 bytes in 1 file")
				.withMessageContaining("1000 bytes (maxContentLength)");
			assertThat(small.object(small.volumePrefix(volume).orElseThrow() + "u/x3.bin")).isEmpty();
		}
	}

	@Test
	void aFailureAbortsTheMultipartUploadInFlightAndEndsTheBatch() {
		String volume = createVolume(clients, emulator);
		String prefix = emulator.volumePrefix(volume).orElseThrow();
		Path one = write(this.temp.resolve("f1.bin"), 12 * MIB, 11);
		Path two = write(this.temp.resolve("f2.bin"), 12 * MIB, 12);
		// The second part 2 the store sees fails for good (files go a few at once: either file may be hit).
		emulator.inject(DataPlaneFault.error(400, "InvalidArgument").onPart(2).after(1));
		assertThatExceptionOfType(StorageException.class)
			.isThrownBy(() -> files.volume(volume).uploadEach(List.of(one, two), "fail"))
			.withMessageContaining("InvalidArgument");
		assertThat(emulator.incompleteUploads()).isEmpty();
		assertThat(emulator.requestCount("s3:AbortMultipartUpload")).isGreaterThanOrEqualTo(1);
		assertThat(emulator.listObjects(prefix + "fail/")).hasSizeLessThan(2);
		assertThat(emulator.requestCount("POST /v2/volumes/apply")).isEqualTo(1);
	}

}
