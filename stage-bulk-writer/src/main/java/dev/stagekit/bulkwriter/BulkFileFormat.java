package dev.stagekit.bulkwriter;

/**
 * The file formats the bulk writer produces, all importable by Zilliz Cloud.
 *
 * @since 0.1.0
 */
public enum BulkFileFormat {

	/** Apache Parquet, the recommended import format (files up to 10 GB). */
	PARQUET("parquet"),

	/** A JSON object {@code {"rows":[...]}} (files up to 1 GB). */
	JSON("json"),

	/** CSV with a header line. */
	CSV("csv");

	private final String extension;

	BulkFileFormat(String extension) {
		this.extension = extension;
	}

	/**
	 * Return the file name extension, without the dot.
	 * @return the extension
	 */
	public String extension() {
		return this.extension;
	}

}
