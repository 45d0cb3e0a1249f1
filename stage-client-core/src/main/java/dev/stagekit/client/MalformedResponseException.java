package dev.stagekit.client;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The control plane answered with a body that is not the expected JSON envelope; not transient.
 *
 * @since 0.1.0
 */
public final class MalformedResponseException extends ZillizCloudException {

	private static final long serialVersionUID = 1L;

	/** Longest body excerpt shown in a message. */
	public static final int MAX_EXCERPT = 200;

	private static final Pattern SECRETS = Pattern
		.compile("(\"(?:tmpAK|tmpSK|sessionToken|token|secretKey|accessKey|apiKey)\"\\s*:\\s*\")[^\"]*\"");

	/**
	 * Create an exception.
	 * @param method the HTTP method
	 * @param path the request path
	 * @param expected what was expected
	 * @param body the body received
	 * @param cause the parse error, if any
	 */
	public MalformedResponseException(String method, String path, String expected, String body,
			@Nullable Throwable cause) {
		super(method + " " + path + ": expected " + expected + " but got: " + excerpt(body), cause);
	}

	/**
	 * Shorten a body to at most {@value #MAX_EXCERPT} characters.
	 * @param body the body
	 * @return the excerpt
	 */
	public static String excerpt(String body) {
		if (body.isEmpty()) {
			return "<empty body>";
		}
		String redacted = SECRETS.matcher(body).replaceAll("$1******\"");
		return (redacted.length() <= MAX_EXCERPT) ? redacted : redacted.substring(0, MAX_EXCERPT) + "...";
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
