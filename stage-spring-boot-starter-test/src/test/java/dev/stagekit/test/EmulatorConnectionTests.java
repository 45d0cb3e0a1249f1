package dev.stagekit.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.stagekit.autoconfigure.ZillizCloudConnectionDetails;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.control.VolumeManager;
import dev.stagekit.client.upload.UploadResult;
import dev.stagekit.client.upload.VolumeFileManager;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose tests declare one {@link ZillizCloudEmulator} bean and nothing else: no endpoint, key,
 * ids or trust store properties.
 */
@SpringBootTest(classes = EmulatorConnectionTests.App.class, properties = "zilliz.cloud.volume.name=vol_app")
@Import(EmulatorConnectionTests.TestZillizCloud.class)
class EmulatorConnectionTests {

	@TempDir
	static Path temp;

	@Autowired
	ZillizCloudEmulator emulator;

	@Autowired
	ZillizCloudConnectionDetails connection;

	@Autowired
	VolumeManager volumes;

	@Autowired
	VolumeFileManager files;

	@Test
	void connectionDetailsShouldComeFromTheEmulatorBean() {
		assertThat(this.connection.getEndpoint()).isEqualTo(this.emulator.controlPlaneUrl());
		assertThat(this.connection.getApiKey().value()).isEqualTo(this.emulator.apiKey());
	}

	@Test
	void uploadShouldReachTheEmulatorOverTlsWithoutTrustProperties() throws IOException {
		this.volumes.create(CreateVolumeRequest.builder("vol_app").build());
		Path source = Files.createDirectories(temp.resolve("rows"));
		Files.writeString(source.resolve("a.json"), "{\"id\": 1}");
		UploadResult result = this.files.upload(source, "in/");
		String prefix = this.emulator.volumePrefix("vol_app").orElseThrow();
		assertThat(this.emulator.dataPlaneUrl().getScheme()).isEqualTo("https");
		assertThat(result.objects()).singleElement().satisfies((object) -> assertThat(object.key()).isEqualTo(prefix + "in/a.json"));
		assertThat(this.emulator.object(prefix + "in/a.json")).isPresent();
	}

	@Test
	void applicationRunLocallyWithTheTestConfigurationShouldUseTheEmulator() {
		try (ConfigurableApplicationContext context = SpringApplication.from(App::main)
			.with(TestZillizCloud.class)
			.run("--spring.main.web-application-type=none", "--zilliz.cloud.volume.name=vol_local")
			.getApplicationContext()) {
			ZillizCloudEmulator local = context.getBean(ZillizCloudEmulator.class);
			assertThat(local).isNotSameAs(this.emulator);
			context.getBean(VolumeManager.class).create(CreateVolumeRequest.builder("vol_local").build());
			assertThat(local.volumePrefix("vol_local")).isPresent();
			assertThat(this.emulator.volumePrefix("vol_local")).isEmpty();
		}
	}

	/** What a user writes once in the test sources. */
	@TestConfiguration(proxyBeanMethods = false)
	static class TestZillizCloud {

		@Bean
		ZillizCloudEmulator zillizCloudEmulator() {
			return ZillizCloudEmulator.builder().start();
		}

	}

	@SpringBootApplication
	static class App {

		public static void main(String[] args) {
			SpringApplication.run(App.class, args);
		}

	}

}
