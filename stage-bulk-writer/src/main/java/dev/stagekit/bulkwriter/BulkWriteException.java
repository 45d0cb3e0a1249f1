package dev.stagekit.bulkwriter;

import dev.stagekit.client.ZillizCloudException;
import org.jspecify.annotations.Nullable;

/**
 * A batch failed: a file could not be written or uploaded. The message names the file and the rows it
 * held; the batch's local files are deleted and no multipart upload is left open.
 *
 * @since 0.1.0
 */
public final class BulkWriteException extends ZillizCloudException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String file;

	private final long firstRow;

	private final long lastRow;

	/**
	 * Create an exception.
	 * @param message what failed and what to do
	 * @param file the path of the failed file inside the stage or volume, if a file failed
	 * @param firstRow the first row of that file, counting from 1 (0 if none)
	 * @param lastRow the last row of that file (0 if none)
	 * @param cause the cause
	 */
	public BulkWriteException(String message, @Nullable String file, long firstRow, long lastRow,
			@Nullable Throwable cause) {
		super(message, cause);
		this.file = file;
		this.firstRow = firstRow;
		this.lastRow = lastRow;
	}

	/**
	 * Return the path of the failed file inside the stage or volume.
	 * @return the path, or {@code null} if the batch failed outside a file
	 */
	public @Nullable String file() {
		return this.file;
	}

	/**
	 * Return the first row of the failed file, counting from 1.
	 * @return the row number, 0 if no file failed
	 */
	public long firstRow() {
		return this.firstRow;
	}

	/**
	 * Return the last row of the failed file.
	 * @return the row number, 0 if no file failed
	 */
	public long lastRow() {
		return this.lastRow;
	}

	@Override
	public boolean isTransient() {
		return getCause() instanceof ZillizCloudException cause && cause.isTransient();
	}

}
