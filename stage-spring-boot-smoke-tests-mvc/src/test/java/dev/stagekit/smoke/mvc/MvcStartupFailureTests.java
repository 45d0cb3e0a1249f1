package dev.stagekit.smoke.mvc;

import dev.stagekit.client.upload.VolumeFileManager;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The startup checks of the WebFlux module's {@code StartupFailureTests} in a servlet application on Tomcat:
 * the failure analyzers' reports, not a started application that fails at its first call.
 */
@ExtendWith(OutputCaptureExtension.class)
class MvcStartupFailureTests {

	private static final ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().start();

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@Test
	void missingApiKeyShouldStopStartup(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(MvcApplication.class,
				"zilliz.cloud.endpoint=" + emulator.controlPlaneUrl()));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("the property 'zilliz.cloud.api-key' is not set")
			.contains("ZILLIZ_CLOUD_API_KEY");
	}

	@Test
	void volumeFileManagerWithoutAVolumeNameShouldNameTheProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(NeedsVolumeFiles.class,
				"zilliz.cloud.endpoint=" + emulator.controlPlaneUrl(), "zilliz.cloud.api-key=" + emulator.apiKey()));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("A VolumeFileManager bean is required")
			.contains("zilliz.cloud.volume.name");
	}

	private static void run(Class<?> source, String... properties) {
		new SpringApplicationBuilder(MvcApplication.class, source).web(WebApplicationType.SERVLET)
			.properties("spring.main.banner-mode=off", "server.port=0")
			.properties(properties)
			.run()
			.close();
	}

	/** A user's bean that needs the file manager bound to {@code zilliz.cloud.volume.name}. */
	static class NeedsVolumeFiles {

		NeedsVolumeFiles(VolumeFileManager files) {
		}

	}

}
