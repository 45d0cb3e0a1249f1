package dev.stagekit.bulkwriter;

/**
 * One file of a committed batch.
 *
 * @param path the path inside the stage or volume, as import jobs take it (e.g. {@code run-1/<batch>/1.parquet})
 * @param key the full object key in the bucket
 * @param size the size in bytes
 * @param firstRow the first row it holds, counting from 1
 * @param lastRow the last row it holds
 * @since 0.1.0
 */
public record BulkFile(String path, String key, long size, long firstRow, long lastRow) {

	/**
	 * Return the number of rows in the file.
	 * @return the row count
	 */
	public long rows() {
		return this.lastRow - this.firstRow + 1;
	}

}
