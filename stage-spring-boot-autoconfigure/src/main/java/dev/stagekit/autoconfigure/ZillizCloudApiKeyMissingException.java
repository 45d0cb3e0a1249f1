package dev.stagekit.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when Zilliz Cloud clients are wanted but no API key is configured, or the configured one is
 * a placeholder that nothing resolved.
 *
 * @since 0.1.0
 */
public class ZillizCloudApiKeyMissingException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String unresolvedPlaceholder;

	/**
	 * Create the exception for a key that is not set.
	 */
	public ZillizCloudApiKeyMissingException() {
		this(null);
	}

	/**
	 * Create the exception.
	 * @param unresolvedPlaceholder the placeholder the key property holds, or {@code null} if it is not set
	 */
	public ZillizCloudApiKeyMissingException(@Nullable String unresolvedPlaceholder) {
		super((unresolvedPlaceholder != null)
				? "The Zilliz Cloud API key is the unresolved placeholder '" + unresolvedPlaceholder + "'"
				: "No Zilliz Cloud API key is configured");
		this.unresolvedPlaceholder = unresolvedPlaceholder;
	}

	/**
	 * Return the placeholder the key property holds, if that is why there is no key.
	 * @return the unresolved placeholder, or {@code null}
	 */
	public @Nullable String getUnresolvedPlaceholder() {
		return this.unresolvedPlaceholder;
	}

}
