package dev.stagekit.client.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.ZillizCloudException;
import dev.stagekit.emulator.DataPlaneFault;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

import static dev.stagekit.client.upload.UploadTestSupport.createVolume;
import static dev.stagekit.client.upload.UploadTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The upload failures an outside attack run found: each test reproduces one attack through the public API.
 */
class UploadAttackTests {

	private static final long MIB = 1024 * 1024;

	@RegisterExtension
	static final UploadEmulator upload = UploadEmulator.create();

	private final ZillizCloudEmulator emulator = upload.emulator();

	private final ZillizCloudClients clients = upload.clients();

	private final FileManagers files = upload.files();

	@TempDir
	Path temp;

	private void assertNoStorageRequest() {
		assertThat(emulator.requestCounts().entrySet())
			.noneMatch((entry) -> entry.getKey().startsWith("s3:") && entry.getValue() > 0);
	}

	@Test
	void targetPathWithNulShouldBeRefusedBeforeAnyRequest() {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("nul.json"), "{}");
		emulator.resetRequestCounts();
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> files.volume(volume).upload(file, "dir\u0000evil/"))
			.withMessageContaining("target path")
			.withMessageContaining("U+0000");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> files.volume(volume).upload(new java.io.ByteArrayInputStream(new byte[1]),
					"a/b\nc.json", 1))
			.withMessageContaining("U+000A");
		assertNoStorageRequest();
		assertThat(emulator.requestCount("POST /v2/volumes/apply")).isZero();
	}

	@Test
	void keyOver1024BytesShouldBeRefusedBeforeAnyStorageRequestNamingTheFile() throws IOException {
		String volume = createVolume(clients, emulator);
		Path tree = this.temp.resolve("deep");
		Path dir = tree;
		for (int i = 0; i < 4; i++) {
			dir = dir.resolve(String.valueOf((char) ('a' + i)).repeat(200));
		}
		write(tree.resolve("short.json"), "{}");
		// 4 x 201 + 230 bytes of relative path: the key, with the volume prefix, is over 1,024 bytes.
		write(dir.resolve("é".repeat(110) + "x.json"), "{}");
		emulator.resetRequestCounts();
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> files.volume(volume).upload(tree, "t/"))
			.withMessageContaining("object key of t/aaaa")
			.withMessageContaining("x.json")
			.withMessageContaining("over the 1,024");
		Path small = write(this.temp.resolve("small.json"), "{}");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> files.volume(volume).upload(small, "x".repeat(1100) + "/"))
			.withMessageContaining("small.json");
		assertNoStorageRequest();
	}

	@Test
	void abortThatFailsShouldReportTheOrphanedUpload() {
		String volume = createVolume(clients, emulator);
		Path file = UploadTestSupport.write(this.temp.resolve("orphan.bin"), 11 * MIB, 7);
		emulator.inject(DataPlaneFault.error(400, "InvalidArgument").onPart(2).times(100));
		emulator.inject(DataPlaneFault.internalError().on("AbortMultipartUpload").times(100));
		try (FileManagers oneFile = upload.fileManagers((settings) -> settings.partSize(5 * MIB).resumable(false))) {
			assertThatExceptionOfType(StorageException.class)
				.isThrownBy(() -> oneFile.volume(volume).upload(file, ""))
				.satisfies((ex) -> {
					assertThat(ex.getMessage()).contains("part 2");
					OrphanedUploadException orphan = Arrays.stream(ex.getSuppressed())
						.filter(OrphanedUploadException.class::isInstance)
						.map(OrphanedUploadException.class::cast)
						.findFirst()
						.orElseThrow();
					assertThat(orphan.key()).endsWith("orphan.bin");
					assertThat(emulator.incompleteUploads()).anySatisfy((open) -> {
						assertThat(open.key()).isEqualTo(orphan.key());
						assertThat(open.uploadId()).isEqualTo(orphan.uploadId());
					});
					assertThat(orphan.getMessage()).contains(orphan.uploadId()).contains("AbortMultipartUpload");
				});
		}
	}

	@Test
	void fileReplacedByRenameWithSameSizeAndTimeShouldFailAndStoreNothing() throws IOException {
		String volume = createVolume(clients, emulator);
		Path file = UploadTestSupport.write(this.temp.resolve("swapped.bin"), 15 * MIB, 1);
		Path other = UploadTestSupport.write(this.temp.resolve("other.tmp"), 15 * MIB, 2);
		FileTime time = Files.getLastModifiedTime(file);
		Files.setLastModifiedTime(other, time);
		AtomicBoolean swapped = new AtomicBoolean();
		ExecutionInterceptor swapBeforePart2 = new ExecutionInterceptor() {

			@Override
			public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
				if (context.request() instanceof UploadPartRequest part && part.partNumber() == 2
						&& swapped.compareAndSet(false, true)) {
					try {
						Files.move(other, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
					}
					catch (IOException ex) {
						throw new IllegalStateException(ex);
					}
				}
			}

		};
		try (FileManagers swapping = FileManagers.builder(clients)
			.settings(UploadSettings.builder().retry(UploadTestSupport.FAST_RETRY).partSize(5 * MIB)
				.partConcurrency(1).resumable(false).build())
			.trustStore(emulator.trustStore())
			.s3ClientCustomizer((s3) -> s3.overrideConfiguration((o) -> o.addExecutionInterceptor(swapBeforePart2)))
			.build()) {
			assertThatExceptionOfType(SourceChangedException.class)
				.isThrownBy(() -> swapping.volume(volume).upload(file, ""))
				.withMessageContaining("replaced");
		}
		assertThat(swapped).isTrue();
		assertThat(Files.size(file)).isEqualTo(15 * MIB);
		assertThat(Files.getLastModifiedTime(file)).isEqualTo(time);
		assertThat(emulator.object(emulator.volumePrefix(volume).orElseThrow() + "swapped.bin")).isEmpty();
		assertThat(emulator.incompleteUploads()).noneMatch((open) -> open.key().endsWith("swapped.bin"));
	}

	@Test
	void symlinkLoopInsideADirectoryShouldBeAZillizCloudExceptionNamingThePath() throws IOException {
		String volume = createVolume(clients, emulator);
		Path tree = this.temp.resolve("loop");
		write(tree.resolve("a.json"), "{}");
		Files.createSymbolicLink(tree.resolve("self"), tree.resolve("self"));
		emulator.resetRequestCounts();
		assertThatExceptionOfType(ZillizCloudException.class)
			.isThrownBy(() -> files.volume(volume).upload(tree, ""))
			.withMessageContaining("self")
			.withMessageContaining("symbolic link loop");
		assertNoStorageRequest();
	}

	@Test
	void interruptingABlockingUploadShouldThrowZillizCloudInterruptedExceptionAndKeepTheFlag() {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("interrupted.json"), "{}");
		Thread.currentThread().interrupt();
		try {
			assertThatExceptionOfType(dev.stagekit.client.ZillizCloudInterruptedException.class)
				.isThrownBy(() -> files.volume(volume).upload(file, ""))
				.withMessageContaining("Interrupted");
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

}
