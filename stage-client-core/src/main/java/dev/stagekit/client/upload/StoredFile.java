package dev.stagekit.client.upload;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A file stored in a stage or volume, as listed with the stage's or volume's upload credentials.
 *
 * @param path its path relative to the stage or volume root, as import jobs take it
 * @param size its size in bytes
 * @param lastModified when it was stored, or {@code null} if the store did not say
 * @param etag its S3 ETag (without quotes only if the store sent none), or {@code null}
 * @since 0.1.0
 */
public record StoredFile(String path, long size, @Nullable Instant lastModified, @Nullable String etag) {
}
