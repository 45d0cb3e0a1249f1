package dev.stagekit.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.stagekit.client.Kind;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.control.VolumeManager;
import dev.stagekit.client.internal.ApplyResult;
import dev.stagekit.client.internal.ControlPlane;
import dev.stagekit.client.upload.FileManagers;
import dev.stagekit.emulator.DataPlaneFault;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The second logging back end Spring Boot supports: with Log4j2 (log4j-core and log4j-slf4j2-impl instead of
 * Logback, in the {@code log4j2} surefire execution) and every logger at TRACE, the starter pins the
 * credential-printing loggers and no secret reaches a log line.
 */
class Log4j2SecretSafeLoggingTests {

	private static final long MIB = 1024 * 1024;

	private static ZillizCloudEmulator emulator;

	@TempDir
	Path temp;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, ZillizCloudAutoConfiguration.class));

	@BeforeAll
	static void start() {
		emulator = ZillizCloudEmulator.builder().advertisePlainHttp(true).start();
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@Test
	void uploadAtTraceWithLog4j2ShouldLogNoSecret() throws IOException {
		assumeTrue(System.getProperty("stagekit.log4j2.file") != null, "runs in the log4j2 surefire execution");
		assertThat(LoggingSystem.get(getClass().getClassLoader()).getClass().getSimpleName())
			.isEqualTo("Log4J2LoggingSystem");
		Path log = Path.of(System.getProperty("stagekit.log4j2.file"));
		Path source = this.temp.resolve("secrets");
		Files.createDirectories(source);
		Files.write(source.resolve("big.bin"), new byte[(int) (11 * MIB)]);
		Files.writeString(source.resolve("small.json"), "{\"id\": 1}");
		List<ApplyResult> applied = new ArrayList<>();
		this.contextRunner
			.withPropertyValues("zilliz.cloud.endpoint=" + emulator.controlPlaneUrl(),
					"zilliz.cloud.api-key=" + emulator.apiKey(), "zilliz.cloud.project-id=" + emulator.projectId(),
					"zilliz.cloud.region-id=" + emulator.regionId(), "zilliz.cloud.upload.retry.min-backoff=5ms",
					"zilliz.cloud.upload.retry.max-backoff=20ms")
			.run((context) -> {
				context.getBean(VolumeManager.class).create(CreateVolumeRequest.builder("log4j2_secrets").build());
				emulator.inject(DataPlaneFault.expiredToken().on("PutObject"));
				context.getBean(FileManagers.class).volume("log4j2_secrets").upload(source, "s");
				applied.add(ControlPlane.of(context.getBean(ZillizCloudClients.class))
					.apply(Kind.VOLUME, "log4j2_secrets", "s/")
					.block());
			});
		emulator.clearFaults();
		ApplyResult credentials = applied.get(0);
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8)
			.stream()
			// The emulator's own server logs what it serves; in production that is Zilliz's side.
			.filter((line) -> !line.startsWith("org.eclipse.jetty") && !line.startsWith("org.gaul")
					&& !line.startsWith("dev.stagekit.emulator"))
			.toList();
		String logged = String.join("\n", lines);
		assertThat(logged).contains("org.springframework").contains("software.amazon.awssdk");
		for (String secret : List.of(emulator.apiKey(), credentials.credentials().tmpAK(),
				credentials.credentials().tmpSK(), credentials.credentials().sessionToken())) {
			assertThat(logged).doesNotContain(secret);
		}
	}

}
