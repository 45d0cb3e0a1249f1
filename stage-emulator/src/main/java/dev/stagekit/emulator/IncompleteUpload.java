package dev.stagekit.emulator;

/**
 * A multipart upload that was started and neither completed nor aborted.
 *
 * @param key object key the upload targets
 * @param uploadId the upload id storage issued
 */
public record IncompleteUpload(String key, String uploadId) {
}
