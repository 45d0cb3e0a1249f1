package dev.stagekit.emulator;

import java.time.Instant;

/**
 * An object stored in the emulator's data plane.
 *
 * @param key full object key within the bucket (stage or volume prefix included)
 * @param size size in bytes
 * @param eTag the entity tag storage computed, without quotes
 * @param lastModified when it was written
 */
public record StoredObject(String key, long size, String eTag, Instant lastModified) {
}
