package dev.stagekit.bulkwriter;

import java.util.List;

import dev.stagekit.client.job.ImportRequest;
import dev.stagekit.client.Kind;
import dev.stagekit.client.StorageLocation;

/**
 * What a committed batch wrote: hand it to an import job with {@link #importRequest(String)}, or pass
 * {@link #location()} (the batch directory) to {@code ImportRequest.builder(..).from(location)}.
 *
 * @param location the stage or volume and the batch directory ({@code <targetPath>/<batchId>/})
 * @param files every file, in row order
 * @param rows the number of rows
 * @param format the file format
 * @since 0.1.0
 */
public record BulkWriteResult(StorageLocation location, List<BulkFile> files, long rows, BulkFileFormat format) {

	public BulkWriteResult {
		files = List.copyOf(files);
	}

	/**
	 * Return one import data path per file ({@code [[path]], ...}).
	 * @return the data paths
	 */
	public List<List<String>> dataPaths() {
		return this.files.stream().map((file) -> List.of(file.path())).toList();
	}

	/**
	 * Return the bytes of all files.
	 * @return the size
	 */
	public long bytes() {
		return this.files.stream().mapToLong(BulkFile::size).sum();
	}

	/**
	 * Start an import request of this batch's files into a collection.
	 * @param collectionName the collection
	 * @return a builder with the source set; add cluster, database or partition as needed
	 */
	public ImportRequest.Builder importRequest(String collectionName) {
		ImportRequest.Builder builder = ImportRequest.builder(collectionName);
		return (this.location.kind() == Kind.VOLUME)
				? builder.fromVolume(this.location.name(), dataPaths())
				: builder.fromStage(this.location.name(), dataPaths());
	}

}
