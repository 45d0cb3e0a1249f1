package dev.stagekit.client.upload;

import java.nio.file.Path;

/**
 * A resumable upload of one file that did not finish: its multipart upload is open in the object store and its
 * checkpoint on local disk records the parts already stored. Found with
 * {@link ReactiveFileManager#pendingUploads()}; finish it with {@link ReactiveFileManager#resume(PendingUpload)}
 * (only the missing parts are sent) or drop it with {@link ReactiveFileManager#discard(PendingUpload)}. Holds
 * no credentials.
 *
 * @param path the file's path inside the stage or volume
 * @param key its object key
 * @param uploadId the open multipart upload's id
 * @param partsDone how many parts are already stored
 * @param partCount how many parts the upload has
 * @param partSize its part size in bytes
 * @param source the local source file
 * @param checkpoint the checkpoint file
 * @since 0.1.0
 */
public record PendingUpload(String path, String key, String uploadId, int partsDone, int partCount, long partSize,
		Path source, Path checkpoint) {

	/**
	 * The target directory of the file inside the stage or volume ({@code ""} for the root).
	 * @return the directory, ending with {@code /} unless empty
	 */
	public String targetDirectory() {
		int slash = this.path.lastIndexOf('/');
		return (slash < 0) ? "" : this.path.substring(0, slash + 1);
	}

}
