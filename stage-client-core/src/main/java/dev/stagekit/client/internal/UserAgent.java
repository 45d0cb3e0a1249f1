package dev.stagekit.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Builds the {@code User-Agent} header from the filtered {@code META-INF/stagekit/version.properties}.
 */
final class UserAgent {

	private static final String VALUE = "stagekit/" + readVersion() + " (Java " + System.getProperty("java.version")
			+ ")";

	private UserAgent() {
	}

	/**
	 * Return the header value, e.g. {@code stagekit/0.1.0 (Java 17.0.9)}.
	 * @return the user agent
	 */
	static String value() {
		return VALUE;
	}

	private static String readVersion() {
		try (InputStream in = UserAgent.class.getResourceAsStream("/META-INF/stagekit/version.properties")) {
			if (in == null) {
				return "unknown";
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version", "unknown");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
