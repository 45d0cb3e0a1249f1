package dev.stagekit.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.stagekit.client.Kind;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.ZillizCloudException;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.control.VolumeManager;
import dev.stagekit.client.internal.ApplyResult;
import dev.stagekit.client.internal.ControlPlane;
import dev.stagekit.client.upload.FileManagers;
import dev.stagekit.emulator.ControlPlaneFault;
import dev.stagekit.emulator.DataPlaneFault;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The checks every logging back end Spring Boot supports must pass: an upload through the auto-configured beans,
 * with storage faults, renewed credentials and a refused apply, logs no secret and sends the API key to no object
 * store. Each subclass captures what its back end logs ({@link SecretSafeLoggingTests}: Logback, at DEBUG;
 * {@link Log4j2SecretSafeLoggingTests}: Log4j2, at TRACE, in its own surefire execution).
 */
abstract class SecretSafeLoggingChecks {

	private static final long MIB = 1024 * 1024;

	@TempDir
	Path temp;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, ZillizCloudAutoConfiguration.class));

	/** Start capturing every event of the back end, all loggers, at the level the subclass tests. */
	abstract Capture capture() throws IOException;

	@Test
	void uploadWhenRunningWithFaultsShouldNeverLogOrSendSecretsToStorage() throws IOException {
		Path source = this.temp.resolve("secrets");
		Files.createDirectories(source);
		Files.write(source.resolve("big.bin"), new byte[(int) (11 * MIB)]);
		Files.writeString(source.resolve("small.json"), "{\"id\": 1}");
		List<Map<String, List<String>>> sentHeaders = new CopyOnWriteArrayList<>();
		ExecutionInterceptor recorder = new ExecutionInterceptor() {

			@Override
			public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
				sentHeaders.add(context.httpRequest().headers());
			}

		};
		List<ApplyResult> applied = new ArrayList<>();
		List<String> lines;
		try (ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().advertisePlainHttp(true).start();
				Capture capture = capture()) {
			this.contextRunner
				.withPropertyValues("zilliz.cloud.endpoint=" + emulator.controlPlaneUrl(),
						"zilliz.cloud.api-key=" + emulator.apiKey(), "zilliz.cloud.project-id=" + emulator.projectId(),
						"zilliz.cloud.region-id=" + emulator.regionId(), "zilliz.cloud.upload.retry.min-backoff=5ms",
						"zilliz.cloud.upload.retry.max-backoff=20ms")
				.withBean(ZillizCloudStorageClientCustomizer.class, () -> (S3AsyncClientBuilder s3) -> s3
					.overrideConfiguration((o) -> o.addExecutionInterceptor(recorder)))
				.run((context) -> {
					context.getBean(VolumeManager.class).create(CreateVolumeRequest.builder("secrets").build());
					FileManagers files = context.getBean(FileManagers.class);
					emulator.inject(DataPlaneFault.slowDown().onPart(2));
					emulator.inject(DataPlaneFault.expiredToken().on("PutObject"));
					files.volume("secrets").upload(source, "s");
					applied.add(ControlPlane.of(context.getBean(ZillizCloudClients.class))
						.apply(Kind.VOLUME, "secrets", "s/")
						.block());
					emulator.inject(ControlPlaneFault.businessError(80001, "denied").on("POST /v2/volumes/apply"));
					assertThatExceptionOfType(ZillizCloudException.class)
						.isThrownBy(() -> files.volume("secrets").upload(source, "t"));
				});
			lines = capture.lines();
			ApplyResult credentials = applied.get(0);
			List<String> secrets = new ArrayList<>(List.of(emulator.apiKey(), credentials.credentials().tmpSK(),
					credentials.credentials().sessionToken(), credentials.credentials().tmpAK()));
			for (Map<String, List<String>> headers : sentHeaders) {
				headers.getOrDefault("x-amz-security-token", List.of()).forEach(secrets::add);
				for (List<String> values : headers.values()) {
					assertThat(values).noneMatch((value) -> value.contains(emulator.apiKey()));
				}
			}
			assertThat(sentHeaders).hasSizeGreaterThan(3);
			assertThat(lines).hasSizeGreaterThan(10);
			// The emulator's own server (Jetty, S3Proxy) logs what it receives; in production that is Zilliz's side.
			String logged = String.join("\n", lines.stream()
				.filter((line) -> !line.startsWith("org.eclipse.jetty") && !line.startsWith("org.gaul")
						&& !line.startsWith("dev.stagekit.emulator"))
				.toList());
			assertThat(logged).contains("org.springframework").contains("software.amazon.awssdk");
			for (String secret : secrets) {
				assertThat(logged).doesNotContain(secret);
			}
		}
	}

	/** What a back end logged: one entry per line, the logger's name first, then the message and any exception's. */
	interface Capture extends AutoCloseable {

		/** Stop capturing and return what was logged. */
		List<String> lines() throws IOException;

		/** Put the back end back as it was. */
		@Override
		void close();

	}

}
