package dev.stagekit.client.upload;

import java.net.URI;

import dev.stagekit.emulator.BackingStore;
import dev.stagekit.emulator.EmulatorSettings;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MinIOContainer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Starts the emulator for the upload suite: with its in-process store by default, or, when run with
 * {@code -Dstagekit.minio=true} on a machine with a Docker engine, with a MinIO container as its object
 * store. The opt-in is checked first, so a default build never looks for Docker or pulls an image (CI has
 * neither a Docker engine nor a registry).
 */
final class EmulatorBackends {

	/** The MinIO image, pinned. */
	static final String MINIO_IMAGE = "minio/minio:RELEASE.2023-09-04T19-57-37Z";

	private EmulatorBackends() {
	}

	/** Give the emulator a MinIO object store when {@code -Dstagekit.minio=true}; a {@code withSettings} customizer. */
	static void configure(EmulatorSettings.Builder settings) {
		if (Boolean.getBoolean("stagekit.minio")) {
			settings.backingStore(Minio.start());
		}
	}

	/** Loaded only when MinIO is asked for. */
	private static final class Minio {

		private static MinIOContainer container;

		static synchronized BackingStore start() {
			assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
					"-Dstagekit.minio=true needs a Docker engine");
			if (container == null) {
				container = new MinIOContainer(MINIO_IMAGE);
				container.start();
			}
			return BackingStore.of(URI.create(container.getS3URL()), container.getUserName(),
					container.getPassword());
		}

	}

}
