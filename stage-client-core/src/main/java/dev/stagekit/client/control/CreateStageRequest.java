package dev.stagekit.client.control;

import org.jspecify.annotations.Nullable;

/**
 * Request to create a stage; project and region default to the settings' ones, as for volumes.
 *
 * @param projectId the project id (defaults to the settings' project)
 * @param regionId the region id, e.g. {@code aws-us-west-2} (defaults to the settings' region)
 * @param stageName the stage name
 * @since 0.1.0
 */
public record CreateStageRequest(@Nullable String projectId, @Nullable String regionId, String stageName) {

	/**
	 * Start building a request for a stage.
	 * @param stageName the stage name
	 * @return a builder
	 */
	public static Builder builder(String stageName) {
		return new Builder(stageName);
	}

	/**
	 * Builder of {@link CreateStageRequest}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final String stageName;

		private @Nullable String projectId;

		private @Nullable String regionId;

		private Builder(String stageName) {
			this.stageName = stageName;
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
		 * Build the request.
		 * @return the request
		 */
		public CreateStageRequest build() {
			return new CreateStageRequest(this.projectId, this.regionId, this.stageName);
		}

	}

}
