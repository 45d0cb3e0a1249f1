package dev.stagekit.client;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.internal.ApplyResult;
import dev.stagekit.client.internal.ControlPlane;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every logger of the client's stack at TRACE (Spring's codecs and exchange functions, Reactor Netty, Netty,
 * the client itself), no answer of the control plane puts an API key or temporary storage credential into a log line.
 */
class SecretsInTraceLogsTests {

	private static ZillizCloudEmulator emulator;

	@BeforeAll
	static void start() {
		emulator = ZillizCloudEmulator.builder().start();
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@Test
	void applyAtTraceShouldLogNoCredential() {
		ZillizCloudClients clients = ZillizCloudClients.create(ZillizCloudClientSettings.builder()
			.endpoint(emulator.controlPlaneUrl())
			.apiKey(emulator.apiKey())
			.projectId(emulator.projectId())
			.regionId(emulator.regionId())
			.build());
		clients.volumes().create(CreateVolumeRequest.builder("trace_secrets").build());
		LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		Level previous = root.getLevel();
		ListAppender<ILoggingEvent> logs = new ListAppender<>();
		logs.start();
		root.addAppender(logs);
		root.setLevel(Level.TRACE);
		List<ApplyResult> applied = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				applied.add(ControlPlane.of(clients).apply(Kind.VOLUME, "trace_secrets", "dir/").block());
			}
		}
		finally {
			root.detachAppender(logs);
			root.setLevel(previous);
		}
		List<ILoggingEvent> events;
		synchronized (logs) {
			logs.stop();
			events = new ArrayList<>(logs.list);
		}
		// The emulator's own server logs what it serves; in production that is Zilliz's side.
		String logged = String.join("\n", events.stream()
			.filter((event) -> !event.getLoggerName().startsWith("org.eclipse.jetty")
					&& !event.getLoggerName().startsWith("org.gaul")
					&& !event.getLoggerName().startsWith("dev.stagekit.emulator"))
			.map((event) -> event.getLoggerName() + " " + event.getFormattedMessage()
					+ ((event.getThrowableProxy() != null) ? " " + event.getThrowableProxy().getMessage() : ""))
			.toList());
		assertThat(logged).contains("org.springframework");
		for (ApplyResult result : applied) {
			assertThat(logged).doesNotContain(result.credentials().tmpAK())
				.doesNotContain(result.credentials().tmpSK())
				.doesNotContain(result.credentials().sessionToken());
		}
		assertThat(logged).doesNotContain(emulator.apiKey());
	}

}
