package dev.stagekit.client;

import org.jspecify.annotations.Nullable;

/**
 * The control plane answered with an error: a non-zero business code or a non-2xx HTTP status.
 *
 * @since 0.1.0
 */
public final class ZillizCloudApiException extends ZillizCloudException {

	private static final long serialVersionUID = 1L;

	private final int code;

	private final String serverMessage;

	private final int httpStatus;

	private final String method;

	private final String path;

	/**
	 * Create an exception.
	 * @param code the Zilliz business code (the HTTP status when the body carries none)
	 * @param serverMessage the server's message
	 * @param httpStatus the HTTP status
	 * @param method the HTTP method
	 * @param path the request path, without query
	 */
	public ZillizCloudApiException(int code, String serverMessage, int httpStatus, String method, String path) {
		this(code, serverMessage, httpStatus, method, path, null);
	}

	/**
	 * Create an exception whose message adds what the caller can do about it.
	 * @param code the Zilliz business code (the HTTP status when the body carries none)
	 * @param serverMessage the server's message
	 * @param httpStatus the HTTP status
	 * @param method the HTTP method
	 * @param path the request path, without query
	 * @param hint what to check or do, or {@code null}
	 */
	public ZillizCloudApiException(int code, String serverMessage, int httpStatus, String method, String path,
			@Nullable String hint) {
		super(method + " " + path + " failed: HTTP " + httpStatus + ", code " + code + ", message: " + serverMessage
				+ ((hint != null) ? " (" + hint + ")" : ""), null);
		this.code = code;
		this.serverMessage = serverMessage;
		this.httpStatus = httpStatus;
		this.method = method;
		this.path = path;
	}

	/**
	 * Return the Zilliz business code.
	 * @return the code
	 */
	public int code() {
		return this.code;
	}

	/**
	 * Return the message sent by the server.
	 * @return the server message
	 */
	public String serverMessage() {
		return this.serverMessage;
	}

	/**
	 * Return the HTTP status.
	 * @return the status
	 */
	public int httpStatus() {
		return this.httpStatus;
	}

	/**
	 * Return the HTTP method.
	 * @return the method
	 */
	public String method() {
		return this.method;
	}

	/**
	 * Return the request path.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/** Transient iff HTTP 429 or 5xx. */
	@Override
	public boolean isTransient() {
		return this.httpStatus == 429 || this.httpStatus >= 500;
	}

}
