package dev.stagekit.bulkwriter;

/**
 * How Parquet pages are compressed; both need no Hadoop.
 *
 * @since 0.1.0
 */
public enum ParquetCompression {

	/** No compression: fastest; vectors of floats barely compress anyway. */
	UNCOMPRESSED,

	/** Snappy, as pyarrow and the official writers use by default. */
	SNAPPY

}
