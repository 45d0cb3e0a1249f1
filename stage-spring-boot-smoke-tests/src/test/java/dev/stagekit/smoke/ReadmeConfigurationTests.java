package dev.stagekit.smoke;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.stagekit.autoconfigure.ZillizCloudProperties;
import dev.stagekit.client.upload.SkipPolicy;
import dev.stagekit.client.upload.VolumeFileManager;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * README's application.yml, as README prints it, in a real application: without {@code ZILLIZ_CLOUD_API_KEY} it
 * stops startup with the missing-key report (not a literal {@code ${...}} key), and with it every value binds.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadmeConfigurationTests {

	private static final ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().start();

	@TempDir
	static Path temp;

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@Test
	void readmeYamlWithoutTheKeyInTheEnvironmentShouldStopStartupNamingTheProperty(CapturedOutput output)
			throws IOException {
		assumeTrue(System.getenv("ZILLIZ_CLOUD_API_KEY") == null, "ZILLIZ_CLOUD_API_KEY is set in this environment");
		assertThatException().isThrownBy(() -> run("zilliz.cloud.endpoint=" + emulator.controlPlaneUrl()));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("zilliz.cloud.api-key")
			.doesNotContain("Bearer");
	}

	@Test
	void readmeYamlWithTheKeyShouldBindEveryValue() throws IOException {
		try (ConfigurableApplicationContext context = run("zilliz.cloud.endpoint=" + emulator.controlPlaneUrl(),
				"ZILLIZ_CLOUD_API_KEY=" + emulator.apiKey())) {
			ZillizCloudProperties properties = context.getBean(ZillizCloudProperties.class);
			assertThat(properties.getApiKey()).isEqualTo(emulator.apiKey());
			assertThat(properties.getProjectId()).isEqualTo("proj-xxxxxxxxxxxxxxxx");
			assertThat(properties.getRegionId()).isEqualTo("aws-us-west-2");
			assertThat(properties.getClusterId()).isEqualTo("in01-xxxxxxxxxxxxxxxx");
			assertThat(properties.getUpload().getConcurrency()).isEqualTo(4);
			assertThat(properties.getUpload().getPartSize()).isEqualTo(DataSize.ofMegabytes(16));
			assertThat(properties.getUpload().getSkipPolicy()).isEqualTo(SkipPolicy.SKIP_IF_SAME_CHECKSUM);
			assertThat(context.getBean(VolumeFileManager.class).name()).isEqualTo("my_volume");
		}
	}

	private static ConfigurableApplicationContext run(String... properties) throws IOException {
		Path yaml = temp.resolve("application.yml");
		Files.writeString(yaml, readmeYaml(), StandardCharsets.UTF_8);
		return new SpringApplicationBuilder(SmokeApplication.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.config.import=file:" + yaml)
			.properties(properties)
			.run();
	}

	/** The yaml block of README's starter section, the one that configures {@code zilliz.cloud}. */
	private static String readmeYaml() throws IOException {
		String readme = Files.readString(Path.of(System.getProperty("stagekit.root"), "README.md"), StandardCharsets.UTF_8);
		int start = readme.indexOf("```yaml\nzilliz:\n");
		assertThat(start).as("README's application.yml block").isNotNegative();
		int from = start + "```yaml\n".length();
		return readme.substring(from, readme.indexOf("```", from));
	}

}
