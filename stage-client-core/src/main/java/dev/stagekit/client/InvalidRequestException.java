package dev.stagekit.client;

import org.jspecify.annotations.Nullable;

/**
 * A request was rejected before being sent because an argument breaks a rule; not transient.
 *
 * @since 0.1.0
 */
public class InvalidRequestException extends ZillizCloudException {

	private static final long serialVersionUID = 1L;

	private final String field;

	private final transient @Nullable Object value;

	private final String rule;

	/**
	 * Create an exception.
	 * @param field the offending field
	 * @param value the offending value
	 * @param rule the rule, in words
	 */
	public InvalidRequestException(String field, @Nullable Object value, String rule) {
		super("Invalid " + field + " '" + value + "': " + rule, null);
		this.field = field;
		this.value = value;
		this.rule = rule;
	}

	/**
	 * Return the offending field.
	 * @return the field name
	 */
	public String field() {
		return this.field;
	}

	/**
	 * Return the offending value.
	 * @return the value, if any
	 */
	public @Nullable Object value() {
		return this.value;
	}

	/**
	 * Return the rule the value breaks, in words.
	 * @return the rule
	 */
	public String rule() {
		return this.rule;
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
