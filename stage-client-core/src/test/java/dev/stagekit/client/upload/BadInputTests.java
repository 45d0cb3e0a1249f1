package dev.stagekit.client.upload;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static dev.stagekit.client.upload.UploadTestSupport.createVolume;
import static dev.stagekit.client.upload.UploadTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Bad input gets a clear error naming the problem before anything is written.
 */
class BadInputTests {

	@RegisterExtension
	static final UploadEmulator upload = UploadEmulator.create();

	private final ZillizCloudEmulator emulator = upload.emulator();

	private final ZillizCloudClients clients = upload.clients();

	private final FileManagers files = upload.files();

	@TempDir
	Path temp;

	private void assertNothingSent() {
		assertThat(emulator.requestCounts().keySet()).noneMatch((name) -> name.startsWith("s3:"));
		assertThat(emulator.dataPlaneBytesReceived()).isZero();
	}

	@Test
	void managerWhenNameInvalidShouldBeRefusedAtOnce() {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> files.volume("no spaces allowed"))
			.withMessageContaining("volumeName")
			.withMessageContaining("no spaces allowed");
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> files.stage("9starts-with-digit"))
			.withMessageContaining("stageName");
	}

	@Test
	void uploadWhenPartSizeBelowMinimumShouldBeRefusedBeforeAnyRequest() {
		Path file = write(this.temp.resolve("x.json"), "{}");
		String volume = createVolume(clients, emulator);
		emulator.resetRequestCounts();
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> files.volume(volume).upload(UploadRequest.builder(file, "").partSize(1024).build()))
			.withMessageContaining("part size")
			.withMessageContaining("below the 5 MiB");
		assertThat(emulator.requestCounts().values()).allMatch((count) -> count == 0);
	}

	@Test
	void uploadWhenPartSizeTooSmallForTenThousandPartsShouldBeRefusedBeforeAnyByte() throws IOException {
		Path huge = this.temp.resolve("huge.bin");
		try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
			sparse.setLength(60L * 1024 * 1024 * 1024);
		}
		String volume = createVolume(clients, emulator);
		emulator.resetRequestCounts();
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> files.volume(volume)
				.upload(UploadRequest.builder(huge, "").partSize(5L * 1024 * 1024).build()))
			.withMessageContaining("too small for a file of " + 60L * 1024 * 1024 * 1024 + " bytes")
			.withMessageContaining("more than S3's 10,000");
		assertNothingSent();
	}

	@Test
	void uploadWhenFileUnreadableShouldFailNamingItAndLeaveNothing() throws IOException {
		assumeFalse("root".equals(System.getProperty("user.name")), "root can read any file");
		String volume = createVolume(clients, emulator);
		Path source = this.temp.resolve("locked");
		write(source.resolve("ok.json"), "{}");
		Path locked = write(source.resolve("secret.json"), "{}");
		Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> files.volume(volume).upload(source, ""))
			.withMessageContaining("secret.json");
	}

}
