package dev.stagekit.bulkwriter.internal;

import java.io.IOException;

/**
 * Writes checked rows to one local file of a format.
 */
public interface FormatWriter extends AutoCloseable {

	/**
	 * Write one row.
	 * @param row the row
	 * @throws IOException if writing fails
	 */
	void write(ValidRow row) throws IOException;

	/**
	 * Return the bytes written so far, including what is buffered for the file.
	 * @return the size
	 */
	long size();

	/**
	 * Finish the file.
	 * @throws IOException if writing fails
	 */
	@Override
	void close() throws IOException;

}
