package dev.stagekit.emulator.internal;

import java.util.Locale;
import java.util.Map;

import dev.stagekit.emulator.ErrorCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One control-plane request as the handlers see it, with the helpers that read and check its
 * fields: every refusal names the field.
 *
 * @param pathName the {@code {name}} segment of the path, or {@code null}
 * @param query the query parameters (first value of each)
 * @param body the JSON body, an empty object when there is none
 * @param headers the request headers, names in lowercase (first value of each)
 */
record Call(@Nullable String pathName, Map<String, String> query, JsonNode body, Map<String, String> headers) {

	Call(@Nullable String pathName, Map<String, String> query, JsonNode body) {
		this(pathName, query, body, Map.of());
	}

	/** A request header, or {@code null} when absent. */
	@Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	private static final String NAME_RULE = "must start with a letter or underscore, contain only letters, digits, "
			+ "hyphens and underscores, and be at most 64 characters";

	/** A body field as text, or {@code null} when missing or JSON null. */
	@Nullable String text(String field) {
		JsonNode node = this.body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isString() || node.isNumber() || node.isBoolean()) {
			return node.asString();
		}
		throw new ApiException(ErrorCode.INVALID_VALUE, field + " must be a string, was " + node);
	}

	/** A body field that must be present and not empty. */
	String required(String field) {
		return present(field, text(field));
	}

	/** A query parameter that must be present and not empty. */
	String requiredQuery(String parameter) {
		return present(parameter, this.query.get(parameter));
	}

	/** A body field holding a name, checked against the naming rule. */
	String requiredName(String field) {
		return checkName(field, required(field));
	}

	static String checkName(String field, String value) {
		if (!value.matches("[A-Za-z_][A-Za-z0-9_-]{0,63}")) {
			throw new ApiException(ErrorCode.INVALID_NAME, field + " '" + value + "' is invalid: it " + NAME_RULE);
		}
		return value;
	}

	/** Whether a body field is present with a non-empty value. */
	boolean has(String field) {
		String value = text(field);
		return value != null && !value.isEmpty();
	}

	private static String present(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new ApiException(ErrorCode.MISSING_FIELD, field + " is required");
		}
		return value;
	}

	/** The paging a list asks for, from the query string. */
	Page queryPage() {
		return Page.of(this.query.get("currentPage"), this.query.get("pageSize"));
	}

	/** The paging a list asks for, from the body. */
	Page bodyPage() {
		return Page.of(raw(this.body.get("currentPage")), raw(this.body.get("pageSize")));
	}

	private static @Nullable String raw(@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? null : (node.isString() ? node.asString() : node.toString());
	}

}
