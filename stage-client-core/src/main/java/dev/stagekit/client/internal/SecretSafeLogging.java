package dev.stagekit.client.internal;

import java.util.List;

import org.slf4j.LoggerFactory;

/**
 * Keeps third-party loggers that print credentials at DEBUG (the AWS SDK's request signer prints the
 * canonical request with the session token; Netty's wire logger dumps the request bytes) at INFO, so that
 * turning on DEBUG logging does not leak temporary storage credentials. Only loggers whose level is inherited
 * are touched: one the application configured explicitly keeps its level. Works with Logback (Spring Boot's
 * default); other logging back ends are left alone.
 */
public final class SecretSafeLogging {

	/** Loggers known to print credentials at DEBUG. */
	public static final List<String> CREDENTIAL_PRINTING = List.of(
			"software.amazon.awssdk.http.auth.aws.internal.signer", "software.amazon.awssdk.auth.signer",
			"io.netty.handler.logging.LoggingHandler");

	private static final boolean LOGBACK = isPresent("ch.qos.logback.classic.LoggerContext");

	private SecretSafeLogging() {
	}

	/**
	 * Apply the protection (cheap and idempotent).
	 */
	public static void apply() {
		if (LOGBACK && LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
			for (String name : CREDENTIAL_PRINTING) {
				ch.qos.logback.classic.Logger logger = context.getLogger(name);
				if (logger.getLevel() == null && logger.isDebugEnabled()) {
					logger.setLevel(ch.qos.logback.classic.Level.INFO);
				}
			}
		}
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, SecretSafeLogging.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}
