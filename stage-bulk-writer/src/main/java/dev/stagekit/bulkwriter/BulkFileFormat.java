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
	CSV("csv"),

	/**
	 * NumPy: each file is a directory {@code <n>/} with one {@code <field>.npy} per field (and
	 * {@code $meta.npy}); for numbers, booleans, VARCHAR, JSON, float and binary vectors, without nulls.
	 */
	NUMPY("npy");

	private final String extension;

	BulkFileFormat(String extension) {
		this.extension = extension;
	}

	/**
	 * Whether each file of this format is a directory of files.
	 * @return whether files are directories
	 */
	public boolean isDirectory() {
		return this == NUMPY;
	}

	/**
	 * Return the file name extension, without the dot.
	 * @return the extension
	 */
	public String extension() {
		return this.extension;
	}

}
