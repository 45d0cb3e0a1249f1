package dev.stagekit.client.upload;

import java.time.Duration;
import java.util.List;

import dev.stagekit.client.StorageLocation;

/**
 * What an upload wrote. {@link #location()} can be handed straight to an import job.
 *
 * @param location the stage or volume and the normalised target path
 * @param objects every file, in upload order
 * @param uploadedBytes bytes sent (skipped files excluded)
 * @param duration how long the upload took
 * @since 0.1.0
 */
public record UploadResult(StorageLocation location, List<UploadedObject> objects, long uploadedBytes,
		Duration duration) {

	public UploadResult {
		objects = List.copyOf(objects);
	}

	/**
	 * Return the objects that were actually sent.
	 * @return the uploaded objects
	 */
	public List<UploadedObject> uploaded() {
		return this.objects.stream().filter((object) -> !object.skipped()).toList();
	}

	/**
	 * Return the objects the skip policy kept.
	 * @return the skipped objects
	 */
	public List<UploadedObject> skipped() {
		return this.objects.stream().filter(UploadedObject::skipped).toList();
	}

	/**
	 * Return one import data path per file ({@code [[path]], ...}), for imports that list files.
	 * @return the data paths
	 */
	public List<List<String>> dataPaths() {
		return this.objects.stream().map((object) -> List.of(object.path())).toList();
	}

}
