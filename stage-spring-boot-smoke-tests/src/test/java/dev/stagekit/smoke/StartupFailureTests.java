package dev.stagekit.smoke;

import dev.stagekit.client.control.VolumeManager;
import dev.stagekit.client.ZillizCloudException;
import dev.stagekit.client.upload.StageFileManager;
import dev.stagekit.client.upload.VolumeFileManager;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Configuration mistakes a newcomer makes stop the application at startup with a report that names the
 * property and the rule, instead of an application that starts "healthy" and fails at its first call.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTests {

	private static final ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().start();

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@Test
	void unresolvedApiKeyPlaceholderShouldStopStartupLikeAMissingKey(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(SmokeApplication.class,
				"zilliz.cloud.endpoint=" + emulator.controlPlaneUrl(),
				"zilliz.cloud.api-key=${STAGEKIT_SMOKE_UNSET_VARIABLE}"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("zilliz.cloud.api-key")
			.contains("${STAGEKIT_SMOKE_UNSET_VARIABLE}")
			.contains("ZILLIZ_CLOUD_API_KEY");
	}

	@Test
	void endpointWithoutSchemeShouldStopStartup(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(SmokeApplication.class, "zilliz.cloud.endpoint=localhost:18080",
				"zilliz.cloud.api-key=" + emulator.apiKey()));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("zilliz.cloud.endpoint")
			.contains("localhost:18080")
			.contains("https://");
	}

	@Test
	void plainHttpToARemoteHostShouldStopStartup(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(SmokeApplication.class,
				"zilliz.cloud.endpoint=http://api.cloud.zilliz.com", "zilliz.cloud.api-key=" + emulator.apiKey()));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("zilliz.cloud.endpoint")
			.contains("zilliz.cloud.allow-insecure-http");
	}

	@Test
	void plainHttpToARemoteHostShouldStartWhenExplicitlyAllowed() {
		try (ConfigurableApplicationContext context = run(SmokeApplication.class,
				"zilliz.cloud.endpoint=http://api.cloud.zilliz.com", "zilliz.cloud.api-key=" + emulator.apiKey(),
				"zilliz.cloud.allow-insecure-http=true")) {
			assertThat(context.getBean(VolumeManager.class)).isNotNull();
		}
	}

	@Test
	void volumeFileManagerWithoutAVolumeNameShouldNameTheProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(NeedsVolumeFiles.class,
				"zilliz.cloud.endpoint=" + emulator.controlPlaneUrl(), "zilliz.cloud.api-key=" + emulator.apiKey()));
		assertThat(output).contains("APPLICATION FAILED TO START").contains("zilliz.cloud.volume.name");
	}

	@Test
	void stageFileManagerWithoutAStageNameShouldNameTheProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(NeedsStageFiles.class,
				"zilliz.cloud.endpoint=" + emulator.controlPlaneUrl(), "zilliz.cloud.api-key=" + emulator.apiKey()));
		assertThat(output).contains("APPLICATION FAILED TO START").contains("zilliz.cloud.stage.name");
	}

	@Test
	void wrongApiKeyShouldNameThePropertyThatHoldsIt() {
		try (ConfigurableApplicationContext context = run(SmokeApplication.class,
				"zilliz.cloud.endpoint=" + emulator.controlPlaneUrl(), "zilliz.cloud.api-key=not-the-key",
				"zilliz.cloud.project-id=" + emulator.projectId())) {
			VolumeManager volumes = context.getBean(VolumeManager.class);
			assertThatExceptionOfType(ZillizCloudException.class).isThrownBy(volumes::listAll)
				.withMessageContaining("zilliz.cloud.api-key")
				.withMessageNotContaining("not-the-key");
		}
	}

	private static ConfigurableApplicationContext run(Class<?> source, String... properties) {
		return new SpringApplicationBuilder(SmokeApplication.class, source).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off")
			.properties(properties)
			.run();
	}

	/** A user's bean that needs the file manager bound to {@code zilliz.cloud.volume.name}. */
	static class NeedsVolumeFiles {

		NeedsVolumeFiles(VolumeFileManager files) {
		}

	}

	/** A user's bean that needs the file manager bound to {@code zilliz.cloud.stage.name}. */
	static class NeedsStageFiles {

		NeedsStageFiles(StageFileManager files) {
		}

	}

}
