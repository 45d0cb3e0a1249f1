package dev.stagekit.client.control;

import org.jspecify.annotations.Nullable;

/**
 * Request to create a volume.
 *
 * @param projectId the project id (defaults to the settings' project)
 * @param regionId the region id (defaults to the settings' region)
 * @param volumeName the volume name
 * @param type the volume type
 * @param storageIntegrationId the storage integration, required for {@link VolumeType#EXTERNAL}
 * @param path the directory inside the integration, ending with '/', external volumes only
 * @since 0.1.0
 */
public record CreateVolumeRequest(@Nullable String projectId, @Nullable String regionId, String volumeName,
		VolumeType type, @Nullable String storageIntegrationId, @Nullable String path) {

	/**
	 * Start building a request for a volume.
	 * @param volumeName the volume name
	 * @return a builder, {@link VolumeType#MANAGED} by default
	 */
	public static Builder builder(String volumeName) {
		return new Builder(volumeName);
	}

	/**
	 * Builder of {@link CreateVolumeRequest}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final String volumeName;

		private @Nullable String projectId;

		private @Nullable String regionId;

		private VolumeType type = VolumeType.MANAGED;

		private @Nullable String storageIntegrationId;

		private @Nullable String path;

		private Builder(String volumeName) {
			this.volumeName = volumeName;
		}

		/**
		 * Set the project id.
		 * @param projectId the project id
		 * @return this builder
		 */
		public Builder projectId(@Nullable String projectId) {
			this.projectId = projectId;
			return this;
		}

		/**
		 * Set the region id.
		 * @param regionId the region id
		 * @return this builder
		 */
		public Builder regionId(@Nullable String regionId) {
			this.regionId = regionId;
			return this;
		}

		/**
		 * Make a managed volume.
		 * @return this builder
		 */
		public Builder managed() {
			this.type = VolumeType.MANAGED;
			this.storageIntegrationId = null;
			this.path = null;
			return this;
		}

		/**
		 * Make an external volume.
		 * @param storageIntegrationId the storage integration id
		 * @param path the directory inside the integration, ending with '/', or {@code null} for the root
		 * @return this builder
		 */
		public Builder external(String storageIntegrationId, @Nullable String path) {
			this.type = VolumeType.EXTERNAL;
			this.storageIntegrationId = storageIntegrationId;
			this.path = path;
			return this;
		}

		/**
		 * Set the type.
		 * @param type the type
		 * @return this builder
		 */
		public Builder type(VolumeType type) {
			this.type = type;
			return this;
		}

		/**
		 * Set the storage integration id.
		 * @param storageIntegrationId the id
		 * @return this builder
		 */
		public Builder storageIntegrationId(@Nullable String storageIntegrationId) {
			this.storageIntegrationId = storageIntegrationId;
			return this;
		}

		/**
		 * Set the path.
		 * @param path the path, ending with '/'
		 * @return this builder
		 */
		public Builder path(@Nullable String path) {
			this.path = path;
			return this;
		}

		/**
		 * Build the request; validation happens when it is sent.
		 * @return the request
		 */
		public CreateVolumeRequest build() {
			return new CreateVolumeRequest(this.projectId, this.regionId, this.volumeName, this.type,
					this.storageIntegrationId, this.path);
		}

	}

}
