package dev.stagekit.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Secrets stay out of logs at DEBUG: the auto-configuration pins the credential-printing loggers through
 * Spring Boot's logging system, and leaves the ones the application configured alone.
 */
class SecretSafeLoggingTests {

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
		LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		Level previous = root.getLevel();
		ListAppender<ILoggingEvent> logs = new ListAppender<>();
		logs.start();
		root.addAppender(logs);
		root.setLevel(Level.DEBUG);
		List<ApplyResult> applied = new ArrayList<>();
		try {
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
		}
		finally {
			root.detachAppender(logs);
			root.setLevel(previous);
			emulator.clearFaults();
		}
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
		List<ILoggingEvent> events;
		synchronized (logs) {
			// AppenderBase.doAppend holds this lock: late events from other threads cannot interleave.
			logs.stop();
			events = new ArrayList<>(logs.list);
		}
		// The emulator's own server (Jetty, S3Proxy) logs what it receives; in production that is Zilliz's side.
		String logged = String.join("\n", events.stream()
			.filter((event) -> !event.getLoggerName().startsWith("org.eclipse.jetty")
					&& !event.getLoggerName().startsWith("org.gaul")
					&& !event.getLoggerName().startsWith("dev.stagekit.emulator"))
			.map((event) -> event.getFormattedMessage()
				+ ((event.getThrowableProxy() != null) ? " " + event.getThrowableProxy().getMessage() : "")).toList());
		assertThat(events).hasSizeGreaterThan(10);
		for (String secret : secrets) {
			assertThat(logged).doesNotContain(secret);
		}
	}

	@Test
	void applyWhenApplicationConfiguredALoggerShouldKeepItsLevel() {
		LoggingSystem system = LoggingSystem.get(getClass().getClassLoader());
		String configured = SecretSafeLogging.CREDENTIAL_PRINTING.get(0);
		String unconfigured = SecretSafeLogging.CREDENTIAL_PRINTING.get(1);
		system.setLogLevel(configured, LogLevel.TRACE);
		system.setLogLevel(unconfigured, null);
		try {
			SecretSafeLogging.apply(system);
			assertThat(system.getLoggerConfiguration(configured).getConfiguredLevel()).isEqualTo(LogLevel.TRACE);
			assertThat(system.getLoggerConfiguration(unconfigured).getConfiguredLevel()).isEqualTo(LogLevel.INFO);
		}
		finally {
			system.setLogLevel(configured, null);
			system.setLogLevel(unconfigured, null);
		}
	}

}
