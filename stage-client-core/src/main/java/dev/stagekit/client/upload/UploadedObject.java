package dev.stagekit.client.upload;

/**
 * One file of an upload and the object it became.
 *
 * @param relativePath the path relative to the source root (the file name for a single file)
 * @param path the path inside the stage or volume (target directory + relative path), as import jobs take it
 * @param key the full object key in the bucket
 * @param size the size in bytes
 * @param skipped whether the skip policy kept the existing object instead of uploading
 * @since 0.1.0
 */
public record UploadedObject(String relativePath, String path, String key, long size, boolean skipped) {
}
