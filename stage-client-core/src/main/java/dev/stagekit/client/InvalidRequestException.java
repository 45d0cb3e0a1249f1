package dev.stagekit.client;

import org.jspecify.annotations.Nullable;

/**
 * A request was rejected before being sent because an argument breaks a rule; not transient.
 */
public final class InvalidRequestException extends ZillizCloudException {

	private static final long serialVersionUID = 1L;

	private final String field;

	/**
	 * Create an exception.
	 * @param field the offending field
	 * @param value the offending value
	 * @param rule the rule, in words
	 */
	public InvalidRequestException(String field, @Nullable Object value, String rule) {
		super("Invalid " + field + " '" + value + "': " + rule, null);
		this.field = field;
	}

	/**
	 * Return the offending field.
	 * @return the field name
	 */
	public String field() {
		return this.field;
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
