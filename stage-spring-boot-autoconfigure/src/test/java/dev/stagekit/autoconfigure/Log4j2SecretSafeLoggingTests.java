package dev.stagekit.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.logging.LoggingSystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The second logging back end Spring Boot supports: with Log4j2 (log4j-core and log4j-slf4j2-impl instead of
 * Logback, in the {@code log4j2} surefire execution) and every logger at TRACE, the starter pins the
 * credential-printing loggers and no secret reaches a log line.
 */
class Log4j2SecretSafeLoggingTests extends SecretSafeLoggingChecks {

	@Override
	Capture capture() {
		assumeTrue(System.getProperty("stagekit.log4j2.file") != null, "runs in the log4j2 surefire execution");
		assertThat(LoggingSystem.get(getClass().getClassLoader()).getClass().getSimpleName())
			.isEqualTo("Log4J2LoggingSystem");
		// log4j2-trace.xml writes every event at TRACE to this file, one line each: logger, message, exception.
		Path log = Path.of(System.getProperty("stagekit.log4j2.file"));
		return new Capture() {

			@Override
			public List<String> lines() throws IOException {
				return Files.readAllLines(log, StandardCharsets.UTF_8);
			}

			@Override
			public void close() {
			}

		};
	}

}
