package dev.stagekit.autoconfigure;

/**
 * Thrown at startup when Zilliz Cloud clients are wanted but no API key is configured.
 *
 * @since 0.1.0
 */
public class ZillizCloudApiKeyMissingException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 */
	public ZillizCloudApiKeyMissingException() {
		super("No Zilliz Cloud API key is configured");
	}

}
