package dev.stagekit.emulator.internal.collection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One cluster's endpoint: serves {@code POST /v2/vectordb/collections/{action}} with the control plane's
 * bearer API key. The key is checked before the body is read; bodies above {@link #MAX_BODY_BYTES} are
 * refused with HTTP 413. Answers are Milvus's envelope: {@code {"code":0,"data":...}}, or HTTP 200 with a
 * non-zero {@code code} and a {@code message}; a missing or wrong key gets HTTP 401 and code 1800, as
 * Milvus's proxy answers.
 */
public final class ClusterServlet extends HttpServlet {

	/** The largest request body accepted: 1 MiB, far above any collection request. */
	public static final int MAX_BODY_BYTES = 1 << 20;

	private static final String PREFIX = "/v2/vectordb/collections/";

	private final CollectionApi api;

	private final byte[] expectedAuthorization;

	private final JsonMapper mapper;

	private final Consumer<String> counter;

	/**
	 * @param api the collections of this cluster
	 * @param apiKey the API key callers must present
	 * @param mapper reads and writes JSON
	 * @param counter counts each request under its endpoint, for example
	 * {@code "POST /v2/vectordb/collections/create"}
	 */
	public ClusterServlet(CollectionApi api, String apiKey, JsonMapper mapper, Consumer<String> counter) {
		this.api = api;
		this.expectedAuthorization = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
		this.mapper = mapper;
		this.counter = counter;
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getRequestURI();
		String action = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : null;
		this.counter.accept(request.getMethod() + " " + path);
		if (action == null || !CollectionApi.actions().contains(action)) {
			write(response, 404, error(404, "No such endpoint: " + request.getMethod() + " " + path));
			return;
		}
		if (!request.getMethod().equals("POST")) {
			write(response, 405, error(405, "Method " + request.getMethod() + " is not allowed for " + path));
			return;
		}
		String authorization = request.getHeader("Authorization");
		byte[] presented = (authorization != null) ? authorization.trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (!MessageDigest.isEqual(presented, this.expectedAuthorization)) {
			write(response, 401, error(MilvusException.NEED_AUTHENTICATE, "user hasn't authenticated"));
			return;
		}
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			write(response, 413, error(413, "request body larger than " + MAX_BODY_BYTES + " bytes"));
			return;
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BODY_BYTES + 1);
		}
		if (body.length > MAX_BODY_BYTES) {
			write(response, 413, error(413, "request body larger than " + MAX_BODY_BYTES + " bytes"));
			return;
		}
		Map<String, Object> envelope;
		try {
			Object data = this.api.handle(action, parse(body), request.getHeader("DB-Name"));
			envelope = new LinkedHashMap<>();
			envelope.put("code", 0);
			envelope.put("data", data);
		}
		catch (MilvusException ex) {
			envelope = error(ex.code(), ex.getMessage());
		}
		write(response, 200, envelope);
	}

	private JsonNode parse(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		if (text.isBlank()) {
			return this.mapper.createObjectNode();
		}
		try {
			JsonNode node = this.mapper.readTree(text);
			if (node != null && node.isObject()) {
				return node;
			}
		}
		catch (JacksonException ex) {
			// answered below
		}
		throw new MilvusException(MilvusException.INCORRECT_PARAMETER_FORMAT,
				"can only accept json format request, the request body should be a JSON object");
	}

	private static Map<String, Object> error(int code, String message) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("code", code);
		envelope.put("message", message);
		return envelope;
	}

	private void write(HttpServletResponse response, int status, @Nullable Object body) throws IOException {
		byte[] bytes = this.mapper.writeValueAsBytes(body);
		response.setStatus(status);
		response.setContentType("application/json");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

}
