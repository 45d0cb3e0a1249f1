package dev.stagekit.bulkwriter.autoconfigure;

import java.nio.file.Path;

import dev.stagekit.bulkwriter.BulkFileFormat;
import dev.stagekit.bulkwriter.BulkWriterSettings;
import dev.stagekit.bulkwriter.ParquetCompression;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Defaults of the bulk writers.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("zilliz.cloud.bulk-writer")
public class BulkWriterProperties {

	/**
	 * File format of generated files.
	 */
	private BulkFileFormat format = BulkFileFormat.PARQUET;

	/**
	 * Size at which a file is finished and the next one started.
	 */
	private DataSize fileSize = DataSize.ofMegabytes(256);

	/**
	 * Parquet row group size: what one file buffers in memory before writing it out.
	 */
	private DataSize rowGroupSize = DataSize.ofMegabytes(32);

	/**
	 * Directory for files before they are uploaded. Defaults to "zilliz-bulk-writer" in the temporary
	 * directory.
	 */
	private @Nullable Path localDirectory;

	/**
	 * Whether to keep local files after they were uploaded.
	 */
	private boolean keepLocalFiles;

	/**
	 * Finished files that may wait for upload while rows are appended; appending blocks beyond.
	 */
	private int maxPendingUploads = 2;

	/**
	 * Compression of Parquet pages.
	 */
	private ParquetCompression compression = ParquetCompression.SNAPPY;

	public BulkFileFormat getFormat() {
		return this.format;
	}

	public void setFormat(BulkFileFormat format) {
		this.format = format;
	}

	public DataSize getFileSize() {
		return this.fileSize;
	}

	public void setFileSize(DataSize fileSize) {
		this.fileSize = fileSize;
	}

	public DataSize getRowGroupSize() {
		return this.rowGroupSize;
	}

	public void setRowGroupSize(DataSize rowGroupSize) {
		this.rowGroupSize = rowGroupSize;
	}

	public @Nullable Path getLocalDirectory() {
		return this.localDirectory;
	}

	public void setLocalDirectory(@Nullable Path localDirectory) {
		this.localDirectory = localDirectory;
	}

	public boolean isKeepLocalFiles() {
		return this.keepLocalFiles;
	}

	public void setKeepLocalFiles(boolean keepLocalFiles) {
		this.keepLocalFiles = keepLocalFiles;
	}

	public int getMaxPendingUploads() {
		return this.maxPendingUploads;
	}

	public void setMaxPendingUploads(int maxPendingUploads) {
		this.maxPendingUploads = maxPendingUploads;
	}

	public ParquetCompression getCompression() {
		return this.compression;
	}

	public void setCompression(ParquetCompression compression) {
		this.compression = compression;
	}

	/**
	 * Return these properties as writer settings.
	 * @return the settings
	 */
	public BulkWriterSettings toSettings() {
		BulkWriterSettings.Builder builder = BulkWriterSettings.builder()
			.format(this.format)
			.fileSize(this.fileSize.toBytes())
			.rowGroupSize(this.rowGroupSize.toBytes())
			.keepLocalFiles(this.keepLocalFiles)
			.maxPendingUploads(this.maxPendingUploads)
			.compression(this.compression);
		if (this.localDirectory != null) {
			builder.localDirectory(this.localDirectory);
		}
		return builder.build();
	}

}
