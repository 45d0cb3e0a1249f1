package dev.stagekit.emulator.internal;

import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One control-plane endpoint: a method, a path template (with at most one {@code {name}}
 * segment) and the handler that answers its {@code data}.
 *
 * @param method the HTTP method
 * @param template the path template, for example {@code /v2/volumes/{name}}
 * @param handler answers the {@code data} of a successful call
 */
record Route(String method, String template, Function<Call, Map<String, Object>> handler) {

	/** What counters and faults call this endpoint, for example {@code GET /v2/volumes/{name}}. */
	String endpoint() {
		return this.method + " " + this.template;
	}

	/** The {@code {name}} segment if {@code path} matches (an empty string without one), else null. */
	@Nullable String match(String path) {
		String[] expected = this.template.split("/", -1);
		String[] actual = path.split("/", -1);
		if (expected.length != actual.length) {
			return null;
		}
		String name = "";
		for (int i = 0; i < expected.length; i++) {
			if (expected[i].equals("{name}")) {
				if (actual[i].isEmpty()) {
					return null;
				}
				name = actual[i];
			}
			else if (!expected[i].equals(actual[i])) {
				return null;
			}
		}
		return name;
	}

}
