package dev.stagekit.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.stagekit.emulator.ZillizCloudEmulator;

/**
 * The local Zilliz Cloud the sample runs against when no API key is given, and the properties that point
 * the starter at it. Its HTTPS data plane is trusted through a Spring Boot SSL bundle, as a private CA would be.
 */
final class EmbeddedEmulator {

	private EmbeddedEmulator() {
	}

	static ZillizCloudEmulator start() {
		return ZillizCloudEmulator.builder().importDuration(Duration.ofMillis(1500)).start();
	}

	/**
	 * Command-line style properties pointing the starter at an emulator.
	 * @param emulator the emulator
	 * @return {@code --name=value} arguments
	 */
	static List<String> arguments(ZillizCloudEmulator emulator) {
		Path ca;
		try {
			ca = Files.createTempFile("zilliz-emulator-ca", ".pem");
			ca.toFile().deleteOnExit();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		emulator.writeCaCertificate(ca);
		return List.of("--zilliz.cloud.endpoint=" + emulator.controlPlaneUrl(),
				"--zilliz.cloud.api-key=" + emulator.apiKey(), "--zilliz.cloud.project-id=" + emulator.projectId(),
				"--zilliz.cloud.region-id=" + emulator.regionId(), "--zilliz.cloud.cluster-id=" + emulator.clusterId(),
				"--spring.ssl.bundle.pem.zilliz-emulator.truststore.certificate=file:" + ca,
				"--zilliz.cloud.upload.ssl-bundle=zilliz-emulator");
	}

}
