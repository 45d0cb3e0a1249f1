package dev.stagekit.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A client setting breaks a rule. Every default and rule of the client's settings lives in the settings
 * types themselves ({@link ZillizCloudClientSettings}, {@link RetrySettings},
 * {@link dev.stagekit.client.upload.UploadSettings}); the exception names the setting as those types
 * call it (for example {@code partConcurrency}, or {@code retry.maxAttempts}), so that a configuration
 * layer can name its own property.
 *
 * @since 0.1.0
 */
public final class InvalidSettingException extends InvalidRequestException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param setting the setting's name
	 * @param value the offending value
	 * @param rule the rule, in words
	 */
	public InvalidSettingException(String setting, @Nullable Object value, String rule) {
		super(setting, value, rule);
	}

	/**
	 * Return a copy naming the setting inside a group, e.g. {@code retry.maxAttempts}.
	 * @param group the group's name
	 * @return the exception
	 */
	public InvalidSettingException within(String group) {
		InvalidSettingException nested = new InvalidSettingException(group + "." + setting(), value(), rule());
		nested.setStackTrace(getStackTrace());
		return nested;
	}

	/**
	 * Return the setting's name.
	 * @return the name
	 */
	public String setting() {
		return field();
	}

	/**
	 * Check that a value is at least a minimum.
	 * @param setting the setting's name
	 * @param value the value
	 * @param min the minimum
	 * @return the value
	 */
	public static int atLeast(String setting, int value, int min) {
		if (value < min) {
			throw new InvalidSettingException(setting, value, "must be at least " + min);
		}
		return value;
	}

	/**
	 * Check that a duration is positive.
	 * @param setting the setting's name
	 * @param value the value
	 * @return the value
	 */
	public static Duration positive(String setting, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidSettingException(setting, value, "must be a positive duration");
		}
		return value;
	}

	/**
	 * Check that a duration is not negative.
	 * @param setting the setting's name
	 * @param value the value
	 * @return the value
	 */
	public static Duration notNegative(String setting, @Nullable Duration value) {
		if (value == null || value.isNegative()) {
			throw new InvalidSettingException(setting, value, "must not be negative");
		}
		return value;
	}

	/**
	 * Check that a value is present.
	 * @param <T> the type
	 * @param setting the setting's name
	 * @param value the value
	 * @return the value
	 */
	public static <T> T required(String setting, @Nullable T value) {
		if (value == null) {
			throw new InvalidSettingException(setting, null, "must be set");
		}
		return value;
	}

}
