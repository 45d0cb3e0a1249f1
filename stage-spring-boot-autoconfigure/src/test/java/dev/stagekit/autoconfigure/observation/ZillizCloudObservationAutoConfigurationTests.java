package dev.stagekit.autoconfigure.observation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.stagekit.autoconfigure.ZillizCloudAutoConfiguration;
import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.control.VolumeManager;
import dev.stagekit.client.upload.FileManagers;
import dev.stagekit.client.upload.UploadObserver;
import dev.stagekit.emulator.ZillizCloudEmulator;
import dev.stagekit.emulator.junit.ZillizCloudEmulatorExtension;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ZillizCloudObservationAutoConfiguration}.
 */
class ZillizCloudObservationAutoConfigurationTests {

	@RegisterExtension
	static final ZillizCloudEmulatorExtension zilliz = ZillizCloudEmulatorExtension.withSettings((settings) -> settings.advertisePlainHttp(true));

	private final ZillizCloudEmulator emulator = zilliz.emulator();

	@TempDir
	Path temp;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, ZillizCloudAutoConfiguration.class,
				ZillizCloudObservationAutoConfiguration.class));

	@Test
	void uploadWhenRegistryPresentShouldBeObservedWithOutcome() throws IOException {
		TestObservationRegistry registry = TestObservationRegistry.create();
		Path file = Files.writeString(this.temp.resolve("rows.json"), "{\"rows\": []}");
		this.contextRunner
			.withPropertyValues("zilliz.cloud.endpoint=" + emulator.controlPlaneUrl(),
					"zilliz.cloud.api-key=" + emulator.apiKey(), "zilliz.cloud.project-id=" + emulator.projectId(),
					"zilliz.cloud.region-id=" + emulator.regionId())
			.withBean(ObservationRegistry.class, () -> registry)
			.run((context) -> {
				assertThat(context).hasSingleBean(UploadObserver.class);
				context.getBean(VolumeManager.class).create(CreateVolumeRequest.builder("observed").build());
				FileManagers files = context.getBean(FileManagers.class);
				files.volume("observed").upload(file, "in");
				assertThatExceptionOfType(InvalidRequestException.class)
					.isThrownBy(() -> files.volume("observed").upload(this.temp.resolve("missing"), "in"));
			});
		TestObservationRegistryAssert.assertThat(registry)
			.hasNumberOfObservationsWithNameEqualTo(MicrometerUploadObserver.NAME, 2);
		TestObservationRegistryAssert.assertThat(registry)
			.hasAnObservationWithAKeyValue("zilliz.kind", "volume")
			.hasAnObservationWithAKeyValue("outcome", "success")
			.hasAnObservationWithAKeyValue("outcome", "failure")
			.hasAnObservationWithAKeyValue("zilliz.name", "observed")
			.hasAnObservationWithAKeyValue("zilliz.files", "1")
			.hasAnObservationWithAKeyValue("zilliz.bytes", "12");
	}

	@Test
	void configureWhenNoRegistryOrNoMicrometerShouldNotDefineObserver() {
		this.contextRunner.withPropertyValues("zilliz.cloud.api-key=key")
			.run((context) -> assertThat(context).doesNotHaveBean(UploadObserver.class));
		this.contextRunner.withPropertyValues("zilliz.cloud.api-key=key")
			.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(UploadObserver.class));
	}

}
