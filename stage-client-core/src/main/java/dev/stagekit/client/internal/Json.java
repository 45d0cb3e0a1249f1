package dev.stagekit.client.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Small typed readers over Jackson trees; a missing required field raises {@link IllegalArgumentException}.
 */
final class Json {

	private Json() {
	}

	static String text(JsonNode node, String field) {
		return required(optText(node, field), "a string", field);
	}

	static @Nullable String optText(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || !value.isValueNode()) {
			return null;
		}
		return value.asString();
	}

	static long number(JsonNode node, String field) {
		return required(optLong(node, field), "a numeric", field);
	}

	private static <T> T required(@Nullable T value, String kind, String field) {
		if (value == null) {
			throw new IllegalArgumentException(kind + " field '" + field + "'");
		}
		return value;
	}

	static @Nullable Long optLong(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isNumber()) {
			return value.longValue();
		}
		if (value.isString()) {
			try {
				return Long.parseLong(value.asString().trim());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("a numeric field '" + field + "'");
			}
		}
		throw new IllegalArgumentException("a numeric field '" + field + "'");
	}

	static int optInt(JsonNode node, String field, int defaultValue) {
		Long value = optLong(node, field);
		return (value != null) ? value.intValue() : defaultValue;
	}

	static @Nullable Instant optInstant(JsonNode node, String field) {
		String value = optText(node, field);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("an ISO-8601 instant in '" + field + "'");
		}
	}

	static JsonNode object(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isObject()) {
			throw new IllegalArgumentException("an object field '" + field + "'");
		}
		return value;
	}

	static List<JsonNode> array(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return List.of();
		}
		if (!value.isArray()) {
			throw new IllegalArgumentException("an array field '" + field + "'");
		}
		return List.copyOf(value.values());
	}

	static void putIfPresent(Map<String, Object> body, String field, @Nullable String value) {
		if (value != null && !value.isEmpty()) {
			body.put(field, value);
		}
	}

}
