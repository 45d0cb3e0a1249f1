package dev.stagekit.client.upload;

import java.nio.file.Path;
import java.time.Duration;

import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.emulator.DataPlaneFault;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.stagekit.client.upload.UploadTestSupport.createVolume;
import static dev.stagekit.client.upload.UploadTestSupport.sha256;
import static dev.stagekit.client.upload.UploadTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Uploads against emulators configured like other kinds of Zilliz Cloud deployments: small quotas, short
 * credential lifetimes, the GCP flavour.
 */
class FileManagerEmulatorVariantsTests {

	private static final long MIB = 1024 * 1024;

	@TempDir
	Path temp;

	@Test
	void uploadWhenTotalSizeExceedsMaxContentLengthShouldFailBeforeAnyByte() {
		try (ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().maxContentLength(1000).start()) {
			Path source = this.temp.resolve("limits");
			write(source.resolve("a.json"), 600, 1);
			write(source.resolve("b.json"), 500, 2);
			run(emulator, (clients, files) -> {
				String volume = createVolume(clients, emulator);
				assertThatExceptionOfType(UploadLimitExceededException.class)
					.isThrownBy(() -> files.volume(volume).upload(source, ""))
					.withMessageContaining("1100 bytes in 2 files")
					.withMessageContaining("1000 bytes (maxContentLength)")
					.withMessageContaining("volume '" + volume + "'")
					.satisfies((ex) -> assertThat(ex.actual()).isEqualTo(1100))
					.satisfies((ex) -> assertThat(ex.limit()).isEqualTo(1000));
				assertThat(emulator.requestCounts().keySet()).noneMatch((name) -> name.startsWith("s3:"));
				assertThat(emulator.dataPlaneBytesReceived()).isZero();
			});
		}
	}

	@Test
	void uploadWhenFileCountExceedsMaxFileNumberShouldFailBeforeAnyByte() {
		try (ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().maxFileNumber(2L).start()) {
			Path source = this.temp.resolve("count");
			write(source.resolve("a.json"), "1");
			write(source.resolve("b.json"), "2");
			write(source.resolve("c/d.json"), "3");
			run(emulator, (clients, files) -> {
				String volume = createVolume(clients, emulator);
				assertThatExceptionOfType(UploadLimitExceededException.class)
					.isThrownBy(() -> files.volume(volume).upload(source, ""))
					.withMessageContaining("3 files (3 bytes)")
					.withMessageContaining("2 files (maxFileNumber)");
				assertThat(emulator.dataPlaneBytesReceived()).isZero();
				assertThat(files.volume(volume).upload(source.resolve("c"), "c").objects()).hasSize(1);
			});
		}
	}

	@Test
	void uploadWhenCredentialsOutliveTheirLifetimeShouldRenewAheadAndComplete() {
		try (ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().credentialLifetime(Duration.ofSeconds(2))
			.start()) {
			Path file = write(this.temp.resolve("long.bin"), 16 * MIB, 3);
			run(emulator, (clients, files) -> {
				String volume = createVolume(clients, emulator);
				// Part 2 stalls past half the credentials' lifetime, then is retried with renewed ones.
				emulator.inject(DataPlaneFault.stall(Duration.ofMillis(1500)).onPart(2));
				files.volume(volume).upload(file, "l");
				String key = emulator.volumePrefix(volume).orElseThrow() + "l/long.bin";
				assertThat(emulator.sha256(key)).isEqualTo(sha256(file));
				// Renewed at least once ahead of expiry; how often depends on the machine's speed.
				assertThat(emulator.requestCount("POST /v2/volumes/apply")).isGreaterThanOrEqualTo(2);
				assertThat(emulator.incompleteUploads()).isEmpty();
			}, (settings) -> settings.readTimeout(Duration.ofMillis(1000)).partConcurrency(1));
		}
	}

	@Test
	void uploadWhenCloudIsGcpShouldSendBearerTokenAndStoreBytes() {
		try (ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().cloud("gcp").start()) {
			Path source = this.temp.resolve("gcp");
			write(source.resolve("small.json"), "{\"id\": 1}");
			write(source.resolve("big.bin"), 11 * MIB, 4);
			run(emulator, (clients, files) -> {
				String volume = createVolume(clients, emulator);
				UploadResult result = files.volume(volume).upload(source, "g");
				assertThat(result.objects()).hasSize(2);
				for (UploadedObject object : result.objects()) {
					assertThat(emulator.sha256(object.key())).isEqualTo(sha256(source.resolve(object.relativePath())));
				}
				assertThat(emulator.requestCount("s3:UploadPart")).isEqualTo(3);
			});
		}
	}

	private static void run(ZillizCloudEmulator emulator, Body body) {
		run(emulator, body, (settings) -> settings);
	}

	private static void run(ZillizCloudEmulator emulator, Body body,
			java.util.function.UnaryOperator<UploadSettings.Builder> settings) {
		ZillizCloudClients clients = UploadTestSupport.clients(emulator);
		try (FileManagers files = UploadTestSupport.fileManagers(emulator, clients, settings)) {
			body.run(clients, files);
		}
	}

	@FunctionalInterface
	private interface Body {

		void run(ZillizCloudClients clients, FileManagers files);

	}

}
