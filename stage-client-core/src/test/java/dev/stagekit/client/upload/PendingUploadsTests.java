package dev.stagekit.client.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.emulator.DataPlaneFault;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import static dev.stagekit.client.upload.UploadTestSupport.createVolume;
import static dev.stagekit.client.upload.UploadTestSupport.sha256;
import static dev.stagekit.client.upload.UploadTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Resumable uploads that ran out of retries are discoverable: the exception says the parts were kept and how to
 * resume; the file managers list, resume and discard them.
 */
class PendingUploadsTests {

	private static final long MIB = 1024 * 1024;

	@RegisterExtension
	static final UploadEmulator upload = UploadEmulator.create();

	private final ZillizCloudEmulator emulator = upload.emulator();

	private final ZillizCloudClients clients = upload.clients();

	@TempDir
	Path temp;

	private FileManagers resumable(Path checkpoints) {
		return upload.fileManagers((settings) -> settings.resumable(true)
			.checkpointDirectory(checkpoints)
			.partSize(5 * MIB)
			.retry(UploadTestSupport.FAST_RETRY.withMaxAttempts(2))
			.partConcurrency(1));
	}

	/** Fail a resumable upload of a 16 MiB file at part 4, its retries run out; returns the pending upload. */
	private PendingUpload failAtPartFour(FileManagers files, String volume, Path file) {
		emulator.inject(DataPlaneFault.slowDown().onPart(4).times(100));
		assertThatExceptionOfType(StorageException.class)
			.isThrownBy(() -> files.volume(volume).upload(UploadRequest.builder(file, "p").resumable(true).build()))
			.withMessageContaining("(part 4) failed after 2 attempts")
			.withMessageContaining("kept failing through every retry")
			.withMessageContaining("are kept")
			.withMessageContaining("pendingUploads()")
			.satisfies((ex) -> assertThat(ex.isTransient()).isTrue());
		emulator.clearFaults();
		List<PendingUpload> pending = files.volume(volume).pendingUploads();
		assertThat(pending).hasSize(1);
		PendingUpload upload = pending.get(0);
		assertThat(upload.path()).isEqualTo("p/" + file.getFileName());
		assertThat(upload.key()).isEqualTo(emulator.volumePrefix(volume).orElseThrow() + "p/" + file.getFileName());
		assertThat(upload.partsDone()).isEqualTo(3);
		assertThat(upload.partCount()).isEqualTo(4);
		assertThat(upload.source()).isEqualTo(file.toAbsolutePath());
		assertThat(emulator.incompleteUploads()).extracting(dev.stagekit.emulator.IncompleteUpload::uploadId)
			.contains(upload.uploadId());
		return upload;
	}

	@Test
	void pendingUploadShouldBeListedAndResumedSendingOnlyTheMissingPart() throws IOException {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("resume.bin"), 16 * MIB, 11);
		Path checkpoints = this.temp.resolve("cp1");
		try (FileManagers files = resumable(checkpoints)) {
			PendingUpload pending = failAtPartFour(files, volume, file);
			assertThat(files.volume(createVolume(clients, emulator)).pendingUploads()).isEmpty();
			emulator.resetRequestCounts();
			files.volume(volume).resume(pending);
			assertThat(files.volume(volume).pendingUploads()).isEmpty();
		}
		assertThat(emulator.sha256(emulator.volumePrefix(volume).orElseThrow() + "p/resume.bin")).isEqualTo(sha256(file));
		assertThat(emulator.requestCount("s3:UploadPart")).isEqualTo(1);
		assertThat(emulator.incompleteUploads()).isEmpty();
		assertThat(Files.list(checkpoints).toList()).isEmpty();
	}

	@Test
	void pendingUploadShouldBeDiscardedReactivelyAbortingItsMultipartUpload() throws IOException {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("discard.bin"), 16 * MIB, 12);
		Path checkpoints = this.temp.resolve("cp2");
		try (FileManagers files = resumable(checkpoints)) {
			PendingUpload pending = failAtPartFour(files, volume, file);
			ReactiveFileManager reactive = files.volume(volume).reactive();
			StepVerifier.create(reactive.pendingUploads()).expectNext(pending).verifyComplete();
			emulator.resetRequestCounts();
			StepVerifier.create(reactive.discard(pending)).verifyComplete();
			StepVerifier.create(reactive.pendingUploads()).verifyComplete();
		}
		assertThat(emulator.requestCount("s3:AbortMultipartUpload")).isEqualTo(1);
		assertThat(emulator.incompleteUploads()).isEmpty();
		assertThat(Files.list(checkpoints).toList()).isEmpty();
		assertThat(emulator.object(emulator.volumePrefix(volume).orElseThrow() + "p/discard.bin")).isEmpty();
	}

}
