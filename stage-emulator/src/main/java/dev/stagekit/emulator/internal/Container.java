package dev.stagekit.emulator.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A volume or stage as the control plane keeps it.
 *
 * @param name its name, unique per kind
 * @param type {@code MANAGED} or {@code EXTERNAL} (stages are always managed)
 * @param projectId the project it belongs to
 * @param regionId the region it lives in
 * @param prefix the key prefix of its files in the bucket, ending with '/'
 * @param storageIntegrationId the storage integration of an external volume
 * @param path the path inside the storage integration of an external volume
 * @param createdAt when it was created
 */
record Container(String name, String type, String projectId, String regionId, String prefix,
		@Nullable String storageIntegrationId, @Nullable String path, Instant createdAt) {

	static final String MANAGED = "MANAGED";

	static final String EXTERNAL = "EXTERNAL";

	boolean managed() {
		return MANAGED.equals(this.type);
	}

}
