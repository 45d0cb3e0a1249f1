package dev.stagekit.client.upload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.emulator.DataPlaneFault;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static dev.stagekit.client.upload.UploadTestSupport.createVolume;
import static dev.stagekit.client.upload.UploadTestSupport.sha256;
import static dev.stagekit.client.upload.UploadTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Resumable uploads: an upload interrupted by a killed process or by a failure past the retry budget
 * continues from the parts already stored, after checking them against the local bytes.
 */
class ResumableUploadTests {

	private static final long MIB = 1024 * 1024;

	private static final long PART = 5 * MIB;

	@RegisterExtension
	static final UploadEmulator upload = UploadEmulator.withSettings((emulator) -> emulator.advertisePlainHttp(true));

	private final ZillizCloudEmulator emulator = upload.emulator();

	private final ZillizCloudClients clients = upload.clients();

	@TempDir
	Path temp;

	private FileManagers resumable(Path checkpoints) {
		// One part at a time, so that which parts were stored before a failure does not depend on timing.
		return upload.fileManagers((settings) -> settings.resumable(true)
			.checkpointDirectory(checkpoints)
			.retry(UploadTestSupport.FAST_RETRY.withMaxAttempts(2))
			.partConcurrency(1));
	}

	@Test
	void uploadWhenProcessKilledMidwayShouldResumeFromStoredParts() throws Exception {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("big.bin"), 23 * MIB, 1);
		Path checkpoints = this.temp.resolve("checkpoints");
		killMidway(volume, file, checkpoints);
		assertThat(emulator.incompleteUploads()).hasSize(1);
		assertThat(Files.list(checkpoints).toList()).hasSize(1);

		emulator.clearFaults();
		emulator.resetRequestCounts();
		long before = emulator.dataPlaneBytesReceived();
		try (FileManagers files = resumable(checkpoints)) {
			files.volume(volume).upload(UploadRequest.builder(file, "r").resumable(true).build());
		}
		String key = emulator.volumePrefix(volume).orElseThrow() + "r/big.bin";
		assertThat(emulator.sha256(key)).isEqualTo(sha256(file));
		assertThat(emulator.requestCount("s3:CreateMultipartUpload")).isZero();
		assertThat(emulator.requestCount("s3:ListParts")).isEqualTo(1);
		assertThat(emulator.requestCount("s3:UploadPart")).isEqualTo(5 - 3);
		assertThat(emulator.dataPlaneBytesReceived() - before).isLessThan(23 * MIB - 3 * PART + MIB);
		assertThat(emulator.incompleteUploads()).isEmpty();
		assertThat(Files.list(checkpoints).toList()).isEmpty();
	}

	@Test
	void uploadWhenSourceChangedSinceInterruptionShouldStartOverCleanly() throws Exception {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("changing.bin"), 23 * MIB, 2);
		Path checkpoints = this.temp.resolve("checkpoints2");
		killMidway(volume, file, checkpoints);
		Files.write(file, new byte[] { 1, 2, 3 }, StandardOpenOption.APPEND);

		emulator.clearFaults();
		emulator.resetRequestCounts();
		try (FileManagers files = resumable(checkpoints)) {
			files.volume(volume).upload(UploadRequest.builder(file, "r").resumable(true).build());
		}
		assertThat(emulator.sha256(emulator.volumePrefix(volume).orElseThrow() + "r/changing.bin"))
			.isEqualTo(sha256(file));
		assertThat(emulator.requestCount("s3:AbortMultipartUpload")).isEqualTo(1);
		assertThat(emulator.requestCount("s3:CreateMultipartUpload")).isEqualTo(1);
		assertThat(emulator.requestCount("s3:UploadPart")).isEqualTo(5);
		assertThat(emulator.incompleteUploads()).isEmpty();
		assertThat(Files.list(checkpoints).toList()).isEmpty();
	}

	@Test
	void uploadWhenRetriesRunOutShouldKeepPartsAndResumeNextTime() throws IOException {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("flaky.bin"), 16 * MIB, 3);
		Path checkpoints = this.temp.resolve("checkpoints3");
		emulator.inject(DataPlaneFault.slowDown().onPart(4).times(100));
		try (FileManagers files = resumable(checkpoints)) {
			assertThatExceptionOfType(StorageException.class)
				.isThrownBy(() -> files.volume(volume).upload(UploadRequest.builder(file, "f").resumable(true).build()))
				.satisfies((ex) -> assertThat(ex.isTransient()).isTrue());
			assertThat(emulator.incompleteUploads()).hasSize(1);
			emulator.clearFaults();
			emulator.resetRequestCounts();
			files.volume(volume).upload(UploadRequest.builder(file, "f").resumable(true).build());
		}
		assertThat(emulator.sha256(emulator.volumePrefix(volume).orElseThrow() + "f/flaky.bin")).isEqualTo(sha256(file));
		assertThat(emulator.requestCount("s3:UploadPart")).isEqualTo(1);
		assertThat(emulator.incompleteUploads()).isEmpty();
		assertThat(Files.list(checkpoints).toList()).isEmpty();
	}

	@Test
	void uploadWhenNotResumableShouldAbortOnTransientFailureAndKeepNoCheckpoint() throws IOException {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("plain.bin"), 11 * MIB, 4);
		Path checkpoints = this.temp.resolve("checkpoints4");
		emulator.inject(DataPlaneFault.slowDown().onPart(2).times(100));
		try (FileManagers files = upload.fileManagers((settings) -> settings.checkpointDirectory(checkpoints)
			.retry(UploadTestSupport.FAST_RETRY.withMaxAttempts(2)))) {
			assertThatExceptionOfType(StorageException.class).isThrownBy(() -> files.volume(volume).upload(file, ""));
		}
		assertThat(emulator.incompleteUploads()).isEmpty();
		assertThat(checkpoints).doesNotExist();
	}

	/** Start the upload in a child JVM, let three parts land, then kill it while part 4 hangs. */
	private void killMidway(String volume, Path file, Path checkpoints) throws Exception {
		emulator.inject(DataPlaneFault.stall(Duration.ofSeconds(60)).onPart(4));
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), ResumeChild.class.getName(),
				emulator.controlPlaneUrl().toString(), emulator.apiKey(), volume, file.toString(), "r",
				checkpoints.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			boolean sendingPartFour = false;
			while (!sendingPartFour && (line = out.readLine()) != null) {
				sendingPartFour = line.startsWith("SENT ") && Long.parseLong(line.substring(5)) > 3 * PART;
			}
			assertThat(sendingPartFour).as("the child reached part 4").isTrue();
		}
		finally {
			child.destroyForcibly();
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		List<String> lines = Files.readAllLines(Files.list(checkpoints).findFirst().orElseThrow());
		assertThat(lines).hasSize(1 + 3);
	}

}
