package dev.stagekit.client.upload;

import java.nio.file.Path;

import dev.stagekit.client.ZillizCloudException;
import org.jspecify.annotations.Nullable;

/**
 * A local file changed size or content (or disappeared) while it was being uploaded. Its object was not
 * written: a multipart upload is aborted, a single request is cut before its last byte.
 *
 * @since 0.1.0
 */
public final class SourceChangedException extends ZillizCloudException {

	private static final long serialVersionUID = 1L;

	private final transient Path file;

	/**
	 * Create the exception.
	 * @param file the file
	 * @param detail what changed
	 * @param cause the underlying error, if any
	 */
	public SourceChangedException(Path file, String detail, @Nullable Throwable cause) {
		super("File " + file + " changed while it was being uploaded (" + detail + "); it was not uploaded", cause);
		this.file = file;
	}

	/**
	 * Return the file that changed.
	 * @return the file
	 */
	public Path file() {
		return this.file;
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
