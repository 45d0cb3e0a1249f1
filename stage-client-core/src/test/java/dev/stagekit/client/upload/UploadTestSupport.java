package dev.stagekit.client.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;


import dev.stagekit.client.RetrySettings;
import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.emulator.ZillizCloudEmulator;

/**
 * Clients and file managers wired to an emulator, trusting its CA for the HTTPS data plane, and the files the
 * tests upload. Public for other modules' tests (from this module's test jar) where noted.
 */
public final class UploadTestSupport {

	/** The storage retry policy with short backoffs. */
	static final RetrySettings FAST_RETRY = RetrySettings.STORAGE.withBackoff(Duration.ofMillis(5), Duration.ofMillis(20));

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private UploadTestSupport() {
	}

	static ZillizCloudClients clients(ZillizCloudEmulator emulator) {
		return ZillizCloudClients.create(ZillizCloudClientSettings.builder()
			.endpoint(emulator.controlPlaneUrl())
			.apiKey(emulator.apiKey())
			.projectId(emulator.projectId())
			.regionId(emulator.regionId())
			.clusterId(emulator.clusterId())
			.build());
	}

	static FileManagers fileManagers(ZillizCloudEmulator emulator, ZillizCloudClients clients,
			UnaryOperator<UploadSettings.Builder> settings) {
		return fileManagers(emulator, clients, settings, (files) -> {
		});
	}

	/** File managers with the test settings as changed by {@code settings}, their builder then by {@code customizer}. */
	static FileManagers fileManagers(ZillizCloudEmulator emulator, ZillizCloudClients clients,
			UnaryOperator<UploadSettings.Builder> settings, Consumer<FileManagers.Builder> customizer) {
		UploadSettings.Builder builder = UploadSettings.builder().retry(FAST_RETRY).progressInterval(Duration.ofMillis(20));
		FileManagers.Builder files = FileManagers.builder(clients)
			.settings(settings.apply(builder).build())
			.trustStore(emulator.trustStore());
		customizer.accept(files);
		return files.build();
	}

	static String createVolume(ZillizCloudClients clients, ZillizCloudEmulator emulator) {
		String name = "files_" + SEQUENCE.incrementAndGet() + "_" + (System.nanoTime() % 100000);
		clients.volumes().create(CreateVolumeRequest.builder(name).build());
		return name;
	}

	static Path write(Path file, long size, long seed) {
		try {
			Files.createDirectories(file.getParent());
			Random random = new Random(seed);
			byte[] chunk = new byte[64 * 1024];
			try (var out = Files.newOutputStream(file)) {
				long left = size;
				while (left > 0) {
					random.nextBytes(chunk);
					int count = (int) Math.min(chunk.length, left);
					out.write(chunk, 0, count);
					left -= count;
				}
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path write(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			return Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The SHA-256 of a file's bytes, in hex, read as a stream; public for other modules' tests. */
	public static String sha256(Path file) {
		try (var in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[64 * 1024];
			int read;
			while ((read = in.read(buffer)) > 0) {
				digest.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
