package dev.stagekit.emulator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.stagekit.emulator.ControlPlaneFault;
import dev.stagekit.emulator.ErrorCode;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The control plane's one servlet: routes {@code /v2} calls (counting them, checking the API key
 * before reading a byte of the body, refusing bodies over the size limit with HTTP 413, injecting
 * faults and wrapping answers in the {@code {"code","data"}} envelope) and hands
 * {@code /_emulator/} paths to the hooks.
 */
final class ControlPlaneServlet extends HttpServlet {

	private static final String HOOKS = "/_emulator/";

	private final List<Route> routes;

	private final RequestCounters counters;

	private final FaultBook<ControlPlaneFault> faults;

	private final EmulatorHooks hooks;

	private final JsonMapper mapper;

	private final ScheduledExecutorService scheduler;

	private final byte[] expectedAuthorization;

	private final long maxBodySize;

	ControlPlaneServlet(List<Route> routes, String apiKey, long maxBodySize, RequestCounters counters,
			FaultBook<ControlPlaneFault> faults, EmulatorHooks hooks, JsonMapper mapper,
			ScheduledExecutorService scheduler) {
		this.routes = List.copyOf(routes);
		this.counters = counters;
		this.faults = faults;
		this.hooks = hooks;
		this.mapper = mapper;
		this.scheduler = scheduler;
		this.expectedAuthorization = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
		this.maxBodySize = maxBodySize;
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getRequestURI();
		String method = request.getMethod();
		if (path.startsWith(HOOKS)) {
			this.hooks.handle(request, response);
			return;
		}
		Route route = null;
		String name = null;
		String knownTemplate = null;
		for (Route candidate : this.routes) {
			String matched = candidate.match(path);
			if (matched != null) {
				knownTemplate = (knownTemplate != null) ? knownTemplate : candidate.template();
				if (candidate.method().equals(method)) {
					route = candidate;
					name = matched;
					break;
				}
			}
		}
		String endpoint = method + " " + ((route != null) ? route.template()
				: (knownTemplate != null) ? knownTemplate : path);
		this.counters.increment(endpoint);
		if (knownTemplate == null) {
			write(response, 404, error(404, "No such endpoint: " + method + " " + path));
			return;
		}
		if (route == null) {
			write(response, 405, error(405, "Method " + method + " is not allowed for " + path));
			return;
		}
		// The key first: a caller without it gets its answer at once, whatever body it announces.
		try {
			checkApiKey(request.getHeader("Authorization"));
		}
		catch (ApiException ex) {
			write(response, 200, error(ex.errorCode().code(), ex.getMessage()));
			return;
		}
		byte[] body = readBody(request, this.maxBodySize);
		if (body == null) {
			write(response, 413, error(413, tooLarge(request, this.maxBodySize)));
			return;
		}
		ControlPlaneFault fault = this.faults
			.next((candidate) -> candidate.endpoint() == null || candidate.endpoint().equals(endpoint));
		if (fault == null) {
			answer(route, name, request, body, response);
			return;
		}
		switch (fault.kind()) {
			case HTTP_STATUS -> write(response, fault.httpStatus(),
					error(fault.httpStatus(), "injected fault: HTTP " + fault.httpStatus()));
			case MALFORMED_BODY -> {
				response.setStatus(200);
				response.setContentType("text/html");
				response.getOutputStream().write("<html>upstream error</html>".getBytes(StandardCharsets.UTF_8));
			}
			case BUSINESS_ERROR -> write(response, 200, error(fault.code(), fault.message()));
			case LATENCY -> delay(route, name, request, body, fault.latency().toMillis());
			case HTTP_STATUS_AFTER_PROCESSING -> {
				answer(route, name, request, body, new LostAnswer(response));
				write(response, fault.httpStatus(),
						error(fault.httpStatus(), "injected fault: HTTP " + fault.httpStatus() + " after processing"));
			}
		}
	}

	/** Takes the answer of a call that was carried out and throws it away. */
	private static final class LostAnswer extends jakarta.servlet.http.HttpServletResponseWrapper {

		LostAnswer(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void setStatus(int status) {
		}

		@Override
		public void setContentType(String type) {
		}

		@Override
		public void setContentLength(int length) {
		}

		@Override
		public void setContentLengthLong(long length) {
		}

		@Override
		public void setHeader(String name, String value) {
		}

		@Override
		public void addHeader(String name, String value) {
		}

		@Override
		public jakarta.servlet.ServletOutputStream getOutputStream() {
			return new jakarta.servlet.ServletOutputStream() {

				@Override
				public void write(int b) {
				}

				@Override
				public void write(byte[] b, int off, int len) {
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setWriteListener(jakarta.servlet.WriteListener listener) {
				}

			};
		}

		@Override
		public PrintWriter getWriter() {
			return new PrintWriter(OutputStream.nullOutputStream());
		}

	}

	private void delay(Route route, String name, HttpServletRequest request, byte[] body, long millis) {
		AsyncContext async = request.startAsync();
		async.setTimeout(0);
		this.scheduler.schedule(() -> async.start(() -> {
			try {
				answer(route, name, request, body, (HttpServletResponse) async.getResponse());
			}
			catch (IOException ex) {
				// The client went away while waiting; nothing to answer.
			}
			finally {
				async.complete();
			}
		}), millis, TimeUnit.MILLISECONDS);
	}

	private void answer(Route route, @Nullable String name, HttpServletRequest request, byte[] body,
			HttpServletResponse response) throws IOException {
		Map<String, Object> envelope;
		try {
			Call call = new Call(decode(name), query(request.getQueryString()), parse(body), headers(request));
			envelope = new LinkedHashMap<>();
			envelope.put("code", 0);
			envelope.put("data", route.handler().apply(call));
		}
		catch (ApiException ex) {
			envelope = error(ex.errorCode().code(), ex.getMessage());
		}
		catch (RuntimeException ex) {
			write(response, 500, error(500, "internal error: " + ex));
			return;
		}
		write(response, 200, envelope);
	}

	/**
	 * The request body, or {@code null} when it is larger than {@code limit} bytes: refused on its
	 * announced length before reading, or as soon as more than {@code limit} bytes arrive.
	 */
	static byte @Nullable [] readBody(HttpServletRequest request, long limit) throws IOException {
		if (request.getContentLengthLong() > limit) {
			return null;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		return (body.length > limit) ? null : body;
	}

	static String tooLarge(HttpServletRequest request, long limit) {
		long announced = request.getContentLengthLong();
		return "The request body" + ((announced >= 0) ? " of " + announced + " bytes" : "")
				+ " is larger than the emulator's limit of " + limit
				+ " bytes (EmulatorSettings.maxRequestBodySize, --max-request-body).";
	}

	private void checkApiKey(@Nullable String authorization) {
		byte[] presented = (authorization != null) ? authorization.trim().getBytes(StandardCharsets.UTF_8)
				: new byte[0];
		if (!MessageDigest.isEqual(presented, this.expectedAuthorization)) {
			throw new ApiException(ErrorCode.API_KEY_ILLEGAL, "The apikey is illegal.");
		}
	}

	private JsonNode parse(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		if (text.isBlank()) {
			return this.mapper.createObjectNode();
		}
		JsonNode node;
		try {
			node = this.mapper.readTree(text);
		}
		catch (JacksonException ex) {
			var location = ex.getLocation();
			String where = (location != null)
					? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
			throw new ApiException(ErrorCode.INVALID_JSON, "request body is not valid JSON" + where);
		}
		if (node == null || !node.isObject()) {
			throw new ApiException(ErrorCode.INVALID_JSON, "request body is not valid JSON: expected an object");
		}
		return node;
	}

	private static Map<String, String> headers(HttpServletRequest request) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String header : Collections.list(request.getHeaderNames())) {
			headers.putIfAbsent(header.toLowerCase(Locale.ROOT), request.getHeader(header));
		}
		return headers;
	}

	/** The query parameters, first value of each; a bad escape is refused naming the parameter. */
	static Map<String, String> query(@Nullable String queryString) {
		Map<String, String> query = new LinkedHashMap<>();
		if (queryString == null || queryString.isEmpty()) {
			return query;
		}
		for (String pair : queryString.split("&")) {
			int equals = pair.indexOf('=');
			String key = urlDecode("query parameter", (equals >= 0) ? pair.substring(0, equals) : pair);
			String value = (equals >= 0) ? urlDecode(key, pair.substring(equals + 1)) : "";
			query.putIfAbsent(key, value);
		}
		return query;
	}

	private static @Nullable String decode(@Nullable String segment) {
		return (segment != null) ? urlDecode("path segment", segment.replace("+", "%2B")) : null;
	}

	private static String urlDecode(String what, String encoded) {
		try {
			return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new ApiException(ErrorCode.INVALID_VALUE, what + " '" + encoded + "' is not valid URL encoding");
		}
	}

	static Map<String, Object> error(int code, String message) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("code", code);
		envelope.put("message", message);
		return envelope;
	}

	private void write(HttpServletResponse response, int status, Object body) throws IOException {
		writeJson(this.mapper, response, status, body);
	}

	/** Answers {@code body} as JSON with this status. */
	static void writeJson(JsonMapper mapper, HttpServletResponse response, int status, Object body)
			throws IOException {
		byte[] bytes = mapper.writeValueAsBytes(body);
		response.setStatus(status);
		response.setContentType("application/json");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

}
