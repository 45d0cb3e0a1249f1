package dev.stagekit.client.upload;

import java.io.IOException;
import java.net.InetSocketAddress;
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
import com.sun.net.httpserver.HttpServer;
import dev.stagekit.client.ApplyResult;
import dev.stagekit.client.ListVolumesRequest;
import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.ZillizCloudException;
import dev.stagekit.client.internal.ResourceKind;
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

import static dev.stagekit.client.upload.UploadTestSupport.createVolume;
import static dev.stagekit.client.upload.UploadTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Secrets stay secret and TLS stays verified: what the SDK sends to storage, what every logger prints at
 * DEBUG, and how untrusted certificates and redirects are handled.
 */
class SecurityTests {

	private static final long MIB = 1024 * 1024;

	private static ZillizCloudEmulator emulator;

	private static ZillizCloudClients clients;

	@TempDir
	Path temp;

	@BeforeAll
	static void start() {
		emulator = ZillizCloudEmulator.builder().start();
		clients = UploadTestSupport.clients(emulator);
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@Test
	void uploadWhenStorageCertificateIsNotTrustedShouldFailFastWithoutRetrying() {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("tls.json"), "{}");
		emulator.resetRequestCounts();
		try (FileManagers untrusting = FileManagers.builder(clients).build()) {
			assertThatExceptionOfType(StorageException.class)
				.isThrownBy(() -> untrusting.volume(volume).upload(file, ""))
				.withMessageContaining("after 1 attempt")
				.withMessageContaining("TLS handshake with the object store failed")
				.withMessageContaining("unable to find valid certification path")
				.satisfies((ex) -> assertThat(ex.isTransient()).isFalse());
		}
		assertThat(emulator.requestCount("s3:PutObject")).isZero();
		assertThat(emulator.object(emulator.volumePrefix(volume).orElseThrow() + "tls.json")).isEmpty();
	}

	@Test
	void uploadWhenRunningWithFaultsShouldNeverLogOrSendSecretsToStorage() {
		String volume = createVolume(clients, emulator);
		Path source = this.temp.resolve("secrets");
		write(source.resolve("big.bin"), 11 * MIB, 1);
		write(source.resolve("small.json"), "{\"id\": 1}");
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
		ApplyResult applied;
		try (FileManagers files = FileManagers.builder(clients)
			.httpClientCustomizer((http) -> http.tlsTrustManagersProvider(() -> UploadTestSupport.trustManagers(emulator)))
			.s3ClientCustomizer((s3) -> s3.overrideConfiguration((o) -> o.addExecutionInterceptor(recorder)))
			.build()) {
			emulator.inject(DataPlaneFault.slowDown().onPart(2));
			emulator.inject(DataPlaneFault.expiredToken().on("PutObject"));
			files.volume(volume).upload(source, "s");
			applied = clients.engine().apply(ResourceKind.VOLUME, volume, "s/").block();
			emulator.inject(dev.stagekit.emulator.ControlPlaneFault.businessError(80001, "denied")
				.on("POST /v2/volumes/apply"));
			assertThatExceptionOfType(ZillizCloudException.class)
				.isThrownBy(() -> files.volume(volume).upload(source, "t"));
		}
		finally {
			root.detachAppender(logs);
			root.setLevel(previous);
			emulator.clearFaults();
		}
		List<String> secrets = new ArrayList<>(List.of(emulator.apiKey(), applied.credentials().tmpSK(),
				applied.credentials().sessionToken(), applied.credentials().tmpAK()));
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
	void controlPlaneWhenAnsweredWithRedirectShouldNotFollowItWithTheKey() throws IOException {
		List<String> leaked = new CopyOnWriteArrayList<>();
		HttpServer elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		elsewhere.createContext("/", (exchange) -> {
			leaked.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		HttpServer redirecting = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		redirecting.createContext("/", (exchange) -> {
			exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + elsewhere.getAddress().getPort()
					+ exchange.getRequestURI());
			exchange.sendResponseHeaders(307, -1);
			exchange.close();
		});
		elsewhere.start();
		redirecting.start();
		try {
			ZillizCloudClients redirected = ZillizCloudClients.create(ZillizCloudClientSettings.builder()
				.endpoint("http://127.0.0.1:" + redirecting.getAddress().getPort())
				.apiKey("redirect-secret-key")
				.projectId("p")
				.build());
			assertThatExceptionOfType(ZillizCloudException.class)
				.isThrownBy(() -> redirected.volumes().listPage(ListVolumesRequest.firstPage()))
				.withMessageContaining("307")
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("redirect-secret-key"));
			assertThat(leaked).isEmpty();
		}
		finally {
			redirecting.stop(0);
			elsewhere.stop(0);
		}
	}

}
