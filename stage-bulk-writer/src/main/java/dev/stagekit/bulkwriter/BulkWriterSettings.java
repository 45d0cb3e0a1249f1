package dev.stagekit.bulkwriter;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a bulk writer writes its files.
 *
 * @param format the file format
 * @param fileSize the size at which a file is finished and the next one started, in bytes. A file ends at
 * the first row that reaches it, so files are about this size; Parquet files can be a row group larger
 * @param rowGroupSize the Parquet row group size in bytes: what one file buffers in memory before it is
 * written out, and so what bounds the heap a writer needs
 * @param localDirectory where files are written before they are uploaded (a directory per batch)
 * @param keepLocalFiles whether to keep local files after they were uploaded
 * @param maxPendingUploads how many finished files may wait for or be in upload while rows are appended;
 * when reached, appending blocks until one is uploaded (bounds local disk use)
 * @param compression how Parquet pages are compressed
 * @since 0.1.0
 */
public record BulkWriterSettings(BulkFileFormat format, long fileSize, long rowGroupSize, Path localDirectory,
		boolean keepLocalFiles, int maxPendingUploads, ParquetCompression compression) {

	/** 256 MiB: a quarter of the 1 GB JSON import limit, a small fraction of the 10 GB Parquet limit. */
	public static final long DEFAULT_FILE_SIZE = 256L * 1024 * 1024;

	/** 32 MiB row groups. */
	public static final long DEFAULT_ROW_GROUP_SIZE = 32L * 1024 * 1024;

	/**
	 * Parquet with Snappy, 256 MiB files, 32 MiB row groups, {@code java.io.tmpdir/zilliz-bulk-writer}, two
	 * pending uploads.
	 */
	public static final BulkWriterSettings DEFAULTS = new BulkWriterSettings(BulkFileFormat.PARQUET, DEFAULT_FILE_SIZE,
			DEFAULT_ROW_GROUP_SIZE, Path.of(System.getProperty("java.io.tmpdir"), "zilliz-bulk-writer"), false, 2,
			ParquetCompression.SNAPPY);

	/** Check the settings. */
	public BulkWriterSettings {
		Objects.requireNonNull(format, "format");
		Objects.requireNonNull(localDirectory, "localDirectory");
		Objects.requireNonNull(compression, "compression");
		if (fileSize < 1024) {
			throw new IllegalArgumentException("fileSize must be at least 1 KiB, was " + fileSize);
		}
		if (rowGroupSize < 64 * 1024 || rowGroupSize > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("rowGroupSize must be from 64 KiB to 2 GiB, was " + rowGroupSize);
		}
		if (maxPendingUploads < 1) {
			throw new IllegalArgumentException("maxPendingUploads must be at least 1, was " + maxPendingUploads);
		}
	}

	/**
	 * Start from these settings.
	 * @return a builder
	 */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * Start from the defaults.
	 * @return a builder
	 */
	public static Builder builder() {
		return DEFAULTS.toBuilder();
	}

	/** Builds {@link BulkWriterSettings}. */
	public static final class Builder {

		private BulkFileFormat format;

		private long fileSize;

		private long rowGroupSize;

		private Path localDirectory;

		private boolean keepLocalFiles;

		private int maxPendingUploads;

		private ParquetCompression compression;

		private Builder(BulkWriterSettings settings) {
			this.format = settings.format;
			this.fileSize = settings.fileSize;
			this.rowGroupSize = settings.rowGroupSize;
			this.localDirectory = settings.localDirectory;
			this.keepLocalFiles = settings.keepLocalFiles;
			this.maxPendingUploads = settings.maxPendingUploads;
			this.compression = settings.compression;
		}

		/**
		 * Set the Parquet compression.
		 * @param compression the compression
		 * @return this builder
		 */
		public Builder compression(ParquetCompression compression) {
			this.compression = compression;
			return this;
		}

		/**
		 * Set the format.
		 * @param format the format
		 * @return this builder
		 */
		public Builder format(BulkFileFormat format) {
			this.format = format;
			return this;
		}

		/**
		 * Set the file size.
		 * @param fileSize bytes
		 * @return this builder
		 */
		public Builder fileSize(long fileSize) {
			this.fileSize = fileSize;
			return this;
		}

		/**
		 * Set the Parquet row group size.
		 * @param rowGroupSize bytes
		 * @return this builder
		 */
		public Builder rowGroupSize(long rowGroupSize) {
			this.rowGroupSize = rowGroupSize;
			return this;
		}

		/**
		 * Set the local directory.
		 * @param localDirectory the directory
		 * @return this builder
		 */
		public Builder localDirectory(Path localDirectory) {
			this.localDirectory = localDirectory;
			return this;
		}

		/**
		 * Keep local files after upload.
		 * @param keepLocalFiles whether to
		 * @return this builder
		 */
		public Builder keepLocalFiles(boolean keepLocalFiles) {
			this.keepLocalFiles = keepLocalFiles;
			return this;
		}

		/**
		 * Set how many finished files may be pending upload.
		 * @param maxPendingUploads the count
		 * @return this builder
		 */
		public Builder maxPendingUploads(int maxPendingUploads) {
			this.maxPendingUploads = maxPendingUploads;
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 */
		public BulkWriterSettings build() {
			return new BulkWriterSettings(this.format, this.fileSize, this.rowGroupSize, this.localDirectory,
					this.keepLocalFiles, this.maxPendingUploads, this.compression);
		}

	}

}
