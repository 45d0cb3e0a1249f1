package dev.stagekit.client.control;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A volume as listed or described by the control plane; list items may carry only name and type.
 *
 * @param volumeName the volume name
 * @param type the type, if reported
 * @param regionId the region id, if reported
 * @param storageIntegrationId the storage integration (external volumes)
 * @param path the path inside the integration (external volumes)
 * @param status the status, e.g. {@code RUNNING}
 * @param createTime the creation time, if reported
 * @since 0.1.0
 */
public record VolumeInfo(String volumeName, @Nullable VolumeType type, @Nullable String regionId,
		@Nullable String storageIntegrationId, @Nullable String path, @Nullable String status,
		@Nullable Instant createTime) {
}
