package dev.stagekit.bulkwriter;

import dev.stagekit.client.ZillizCloudException;
import org.jspecify.annotations.Nullable;

/**
 * A collection schema is not usable: a field breaks a Milvus rule, or a describe answer cannot be read.
 * Not transient.
 *
 * @since 0.1.0
 */
public final class InvalidSchemaException extends ZillizCloudException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what is wrong and what to do
	 * @param cause the cause, if any
	 */
	public InvalidSchemaException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
