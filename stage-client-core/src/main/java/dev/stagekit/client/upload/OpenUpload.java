package dev.stagekit.client.upload;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A multipart upload left open in the object store of a stage or volume, for example by a process killed in the
 * middle of a (non-resumable) upload: its parts take space until it is aborted. Found with
 * {@link ReactiveFileManager#openUploads(String)}, aborted with {@link ReactiveFileManager#abort(OpenUpload)}.
 * Holds no credentials.
 *
 * @param path the file's path inside the stage or volume
 * @param key its object key
 * @param uploadId the open multipart upload's id
 * @param initiated when it was started, if the store says
 * @since 0.1.0
 */
public record OpenUpload(String path, String key, String uploadId, @Nullable Instant initiated) {

}
