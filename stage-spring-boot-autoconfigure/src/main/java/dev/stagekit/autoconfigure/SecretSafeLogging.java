package dev.stagekit.autoconfigure;

import java.util.List;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Pins the third-party loggers known to print temporary storage credentials at DEBUG to INFO, through
 * Spring Boot's {@link LoggingSystem} (Logback, Log4j2 or JUL alike): the AWS SDK's request signer prints
 * the canonical request with the session token, its request logger the headers, Netty's wire logger the
 * request bytes. Only loggers the application has not configured are pinned; a level the application set
 * (in {@code logging.level.*} or its logging configuration) is kept, and is then its responsibility. The
 * client core itself never touches the host's logging.
 */
final class SecretSafeLogging {

	/** Loggers known to print credentials at DEBUG or TRACE. */
	static final List<String> CREDENTIAL_PRINTING = List.of("software.amazon.awssdk.http.auth.aws.internal.signer",
			"software.amazon.awssdk.auth.signer", "software.amazon.awssdk.request",
			"io.netty.handler.logging.LoggingHandler");

	private SecretSafeLogging() {
	}

	static void apply(LoggingSystem system) {
		for (String name : CREDENTIAL_PRINTING) {
			LoggerConfiguration configuration = system.getLoggerConfiguration(name);
			if (configuration == null || configuration.getConfiguredLevel() == null) {
				system.setLogLevel(name, LogLevel.INFO);
			}
		}
	}

}
