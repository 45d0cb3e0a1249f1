package dev.stagekit.starter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.control.VolumeManager;
import dev.stagekit.client.upload.UploadResult;
import dev.stagekit.client.upload.UploadedObject;
import dev.stagekit.client.upload.VolumeFileManager;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter alone, in a Spring Boot application: {@code application.yml}-style properties, an injected
 * {@link VolumeFileManager}, a directory uploaded over HTTPS to the emulator, whose CA is trusted through a
 * Spring Boot SSL bundle.
 */
@SpringBootTest(classes = StarterUploadTests.Application.class)
class StarterUploadTests {

	private static final ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().start();

	@TempDir
	static Path temp;

	@Autowired
	VolumeManager volumes;

	@Autowired
	VolumeFileManager files;

	@DynamicPropertySource
	static void zillizCloud(DynamicPropertyRegistry registry) throws IOException {
		Path ca = emulator.writeCaCertificate(Files.createTempFile("emulator-ca", ".pem"));
		registry.add("zilliz.cloud.endpoint", () -> emulator.controlPlaneUrl().toString());
		registry.add("zilliz.cloud.api-key", emulator::apiKey);
		registry.add("zilliz.cloud.project-id", emulator::projectId);
		registry.add("zilliz.cloud.region-id", emulator::regionId);
		registry.add("zilliz.cloud.volume.name", () -> "starter_volume");
		registry.add("spring.ssl.bundle.pem.zilliz-emulator.truststore.certificate", () -> "file:" + ca);
		registry.add("zilliz.cloud.upload.ssl-bundle", () -> "zilliz-emulator");
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@Test
	void uploadWhenStarterConfiguredFromPropertiesShouldStoreTheDirectory() throws IOException {
		Path source = Files.createDirectories(temp.resolve("rows"));
		Files.writeString(source.resolve("a.json"), "{\"id\": 1}");
		Files.createDirectories(source.resolve("nested"));
		Files.writeString(source.resolve("nested/b.csv"), "id\n2\n");
		this.volumes.create(CreateVolumeRequest.builder("starter_volume").build());
		UploadResult result = this.files.upload(source, "import/");
		String prefix = emulator.volumePrefix("starter_volume").orElseThrow();
		assertThat(result.objects()).extracting(UploadedObject::key)
			.containsExactly(prefix + "import/a.json", prefix + "import/nested/b.csv");
		assertThat(emulator.listObjects(prefix + "import/")).hasSize(2);
		assertThat(emulator.sha256(prefix + "import/nested/b.csv")).isEqualTo(sha256("id\n2\n"));
		assertThat(emulator.requestCount("POST /v2/volumes/apply")).isEqualTo(1);
	}

	private static String sha256(String content) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content.getBytes()));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SpringBootApplication
	static class Application {

	}

}
