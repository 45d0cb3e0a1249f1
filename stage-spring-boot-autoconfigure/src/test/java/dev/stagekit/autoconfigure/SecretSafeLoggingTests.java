package dev.stagekit.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets stay out of logs at DEBUG, with Logback: the auto-configuration pins the credential-printing loggers
 * through Spring Boot's logging system, and leaves the ones the application configured alone.
 */
class SecretSafeLoggingTests extends SecretSafeLoggingChecks {

	@Override
	Capture capture() {
		assertThat(LoggingSystem.get(getClass().getClassLoader()).getClass().getSimpleName())
			.isEqualTo("LogbackLoggingSystem");
		LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		Level previous = root.getLevel();
		ListAppender<ILoggingEvent> logs = new ListAppender<>();
		logs.start();
		root.addAppender(logs);
		root.setLevel(Level.DEBUG);
		return new Capture() {

			@Override
			public List<String> lines() {
				List<ILoggingEvent> events;
				synchronized (logs) {
					// AppenderBase.doAppend holds this lock: late events from other threads cannot interleave.
					logs.stop();
					events = new ArrayList<>(logs.list);
				}
				return events.stream()
					.map((event) -> event.getLoggerName() + " " + event.getFormattedMessage()
							+ ((event.getThrowableProxy() != null) ? " " + event.getThrowableProxy().getMessage() : ""))
					.toList();
			}

			@Override
			public void close() {
				root.detachAppender(logs);
				root.setLevel(previous);
			}

		};
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
