package dev.stagekit.client;

import java.util.Objects;

/**
 * Supplies the Zilliz Cloud API key; read on every request so that a rotated key is picked up.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ApiKey {

	/**
	 * Return the current API key.
	 * @return the key, never logged
	 */
	String value();

	/**
	 * Say where the key comes from, for messages that tell the caller what to fix when the service refuses it
	 * (never the key itself), for example {@code "the property 'zilliz.cloud.api-key'"}.
	 * @return where the key comes from
	 */
	default String origin() {
		return "the API key given to the client";
	}

	/**
	 * Create a fixed API key whose {@code toString()} is masked.
	 * @param value the key
	 * @return the API key
	 */
	static ApiKey of(String value) {
		return new Fixed(value);
	}

	/**
	 * A fixed API key; {@code toString()} never shows the value.
	 *
	 * @param value the key
	 * @since 0.1.0
	 */
	record Fixed(String value) implements ApiKey {

		/** Create a fixed key, checking it is not null. */
		public Fixed {
			Objects.requireNonNull(value, "value must not be null");
		}

		@Override
		public String toString() {
			return "ApiKey[******]";
		}

	}

}
