package dev.stagekit.emulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.stagekit.emulator.ControlPlaneFault;
import dev.stagekit.emulator.DataPlaneFault;
import dev.stagekit.emulator.StoredObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator's test hooks over HTTP under {@code /_emulator/}, without authentication: what
 * the emulator's public test hooks offer in Java, for clients in other languages.
 */
final class EmulatorHooks {

	private final ObjectStore objects;

	private final RequestCounters counters;

	private final SessionRegistry sessions;

	private final ControlPlane controlPlane;

	private final DataPlane dataPlane;

	private final Supplier<Map<String, Object>> info;

	private final JsonMapper mapper;

	private final long maxBodySize;

	EmulatorHooks(ObjectStore objects, RequestCounters counters, SessionRegistry sessions, ControlPlane controlPlane,
			DataPlane dataPlane, Supplier<Map<String, Object>> info, JsonMapper mapper, long maxBodySize) {
		this.objects = objects;
		this.counters = counters;
		this.sessions = sessions;
		this.controlPlane = controlPlane;
		this.dataPlane = dataPlane;
		this.info = info;
		this.mapper = mapper;
		this.maxBodySize = maxBodySize;
	}

	void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String hook = request.getMethod() + " " + request.getRequestURI();
		try {
			Map<String, String> query = ControlPlaneServlet.query(request.getQueryString());
			Object answer = switch (hook) {
				case "GET /_emulator/info" -> this.info.get();
				case "GET /_emulator/objects" -> this.objects.list(query.getOrDefault("prefix", ""))
					.stream()
					.map(EmulatorHooks::object)
					.toList();
				case "GET /_emulator/object" -> {
					streamObject(required(query, "key"), response);
					yield null;
				}
				case "GET /_emulator/object/sha256" -> sha256(required(query, "key"), response);
				case "GET /_emulator/multipart-uploads" -> this.objects.incompleteUploads()
					.stream()
					.map((upload) -> Map.of("key", upload.key(), "uploadId", upload.uploadId()))
					.toList();
				case "GET /_emulator/requests" -> Map.of("counts", this.counters.snapshot(),
						"dataPlaneBytesReceived", this.counters.dataPlaneBytes());
				case "DELETE /_emulator/requests" -> {
					this.counters.reset();
					yield Map.of();
				}
				case "POST /_emulator/faults/control-plane" -> {
					this.controlPlane.inject(controlPlaneFault(body(request)));
					yield Map.of();
				}
				case "POST /_emulator/faults/data-plane" -> {
					this.dataPlane.inject(dataPlaneFault(body(request)));
					yield Map.of();
				}
				case "DELETE /_emulator/faults" -> {
					this.controlPlane.clearFaults();
					this.dataPlane.clearFaults();
					yield Map.of();
				}
				case "POST /_emulator/credentials/expire" -> {
					this.sessions.expireAll();
					yield Map.of();
				}
				default -> {
					write(response, 404, ControlPlaneServlet.error(404, "No such endpoint: " + hook));
					yield null;
				}
			};
			if (answer != null) {
				write(response, 200, answer);
			}
		}
		catch (IllegalArgumentException | ApiException ex) {
			write(response, 400, ControlPlaneServlet.error(400, String.valueOf(ex.getMessage())));
		}
	}

	private static Map<String, Object> object(StoredObject object) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("key", object.key());
		json.put("size", object.size());
		json.put("eTag", object.eTag());
		json.put("lastModified", object.lastModified().toString());
		return json;
	}

	private @Nullable Map<String, Object> sha256(String key, HttpServletResponse response) throws IOException {
		Optional<StoredObject> object = this.objects.head(key);
		if (object.isEmpty()) {
			write(response, 404, ControlPlaneServlet.error(404, "No object with key '" + key + "'"));
			return null;
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("key", key);
		json.put("size", object.get().size());
		json.put("sha256", this.objects.sha256(key));
		return json;
	}

	private void streamObject(String key, HttpServletResponse response) throws IOException {
		Optional<StoredObject> object = this.objects.head(key);
		if (object.isEmpty()) {
			write(response, 404, ControlPlaneServlet.error(404, "No object with key '" + key + "'"));
			return;
		}
		response.setStatus(200);
		response.setContentType("application/octet-stream");
		response.setContentLengthLong(object.get().size());
		try (InputStream in = this.objects.open(key)) {
			in.transferTo(response.getOutputStream());
		}
	}

	private static ControlPlaneFault controlPlaneFault(JsonNode body) {
		ControlPlaneFault.Kind kind = kind(ControlPlaneFault.Kind.class, body);
		int httpStatus = integer(body, "httpStatus", (kind == ControlPlaneFault.Kind.HTTP_STATUS
				|| kind == ControlPlaneFault.Kind.HTTP_STATUS_AFTER_PROCESSING) ? 503 : 200);
		if (httpStatus < 100 || httpStatus > 599) {
			throw new IllegalArgumentException("httpStatus must be between 100 and 599, was " + httpStatus);
		}
		long latency = nonNegative(body, "latencyMillis");
		int code = integer(body, "code", 0);
		if (kind == ControlPlaneFault.Kind.BUSINESS_ERROR && code == 0) {
			throw new IllegalArgumentException("code is required and must not be 0 for a BUSINESS_ERROR fault");
		}
		String message = text(body, "message");
		return new ControlPlaneFault(kind, text(body, "endpoint"), integer(body, "times", 1), httpStatus,
				Duration.ofMillis(latency), code, (message != null) ? message : "injected business error");
	}

	private static DataPlaneFault dataPlaneFault(JsonNode body) {
		DataPlaneFault.Kind kind = kind(DataPlaneFault.Kind.class, body);
		boolean expired = kind == DataPlaneFault.Kind.EXPIRED_TOKEN;
		String errorCode = text(body, "errorCode");
		return new DataPlaneFault(kind, text(body, "operation"), integer(body, "partNumber", 0),
				integer(body, "skip", 0), integer(body, "times", 1), integer(body, "httpStatus", expired ? 400 : 500),
				(errorCode != null) ? errorCode : (expired ? "ExpiredToken" : "InternalError"),
				Duration.ofMillis(nonNegative(body, "stallMillis")));
	}

	private static <E extends Enum<E>> E kind(Class<E> type, JsonNode body) {
		String kind = text(body, "kind");
		if (kind == null) {
			throw new IllegalArgumentException("kind is required");
		}
		try {
			return Enum.valueOf(type, kind.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("kind '" + kind + "' is not one of "
					+ Arrays.toString(type.getEnumConstants()));
		}
	}

	private static @Nullable String text(JsonNode body, String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw new IllegalArgumentException(field + " must be a string, was " + node);
		}
		return node.asString();
	}

	private static int integer(JsonNode body, String field, int defaultValue) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return defaultValue;
		}
		if (!node.isIntegralNumber() || !node.canConvertToInt()) {
			throw new IllegalArgumentException(field + " must be an integer, was " + node);
		}
		return node.intValue();
	}

	private static long nonNegative(JsonNode body, String field) {
		int value = integer(body, field, 0);
		if (value < 0) {
			throw new IllegalArgumentException(field + " must not be negative, was " + value);
		}
		return value;
	}

	private static String required(Map<String, String> query, String parameter) {
		String value = query.get(parameter);
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException(parameter + " is required");
		}
		return value;
	}

	private JsonNode body(HttpServletRequest request) throws IOException {
		byte[] bytes = ControlPlaneServlet.readBody(request, this.maxBodySize);
		if (bytes == null) {
			throw new IllegalArgumentException(ControlPlaneServlet.tooLarge(request, this.maxBodySize));
		}
		String text = new String(bytes, StandardCharsets.UTF_8);
		try {
			JsonNode node = text.isBlank() ? this.mapper.createObjectNode() : this.mapper.readTree(text);
			if (node == null || !node.isObject()) {
				throw new IllegalArgumentException("the body must be a JSON object");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("the body is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private void write(HttpServletResponse response, int status, Object body) throws IOException {
		ControlPlaneServlet.writeJson(this.mapper, response, status, body);
	}

}
