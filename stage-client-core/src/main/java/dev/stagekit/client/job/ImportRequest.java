package dev.stagekit.client.job;

import java.util.List;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.Kind;
import dev.stagekit.client.StorageLocation;
import org.jspecify.annotations.Nullable;

/**
 * Request to import files from a stage or volume into a collection.
 *
 * @param clusterId the cluster (defaults to the settings' cluster)
 * @param collectionName the collection
 * @param dbName optional database
 * @param partitionName optional partition
 * @param sourceKind whether the source is a stage or a volume
 * @param sourceName the stage or volume name
 * @param dataPaths the data paths relative to the source root, one inner list per file group
 * @since 0.1.0
 */
public record ImportRequest(@Nullable String clusterId, String collectionName, @Nullable String dbName,
		@Nullable String partitionName, Kind sourceKind, String sourceName,
		List<List<String>> dataPaths) {

	/** Copy the paths. */
	public ImportRequest {
		dataPaths = dataPaths.stream().map(List::copyOf).toList();
	}

	/**
	 * Start building a request for a collection.
	 * @param collectionName the collection
	 * @return a builder
	 */
	public static Builder builder(String collectionName) {
		return new Builder(collectionName);
	}

	/**
	 * Builder of {@link ImportRequest}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final String collectionName;

		private @Nullable String clusterId;

		private @Nullable String dbName;

		private @Nullable String partitionName;

		private @Nullable Kind sourceKind;

		private @Nullable String sourceName;

		private List<List<String>> dataPaths = List.of();

		private Builder(String collectionName) {
			this.collectionName = collectionName;
		}

		/**
		 * Set the cluster.
		 * @param clusterId the cluster id
		 * @return this builder
		 */
		public Builder clusterId(@Nullable String clusterId) {
			this.clusterId = clusterId;
			return this;
		}

		/**
		 * Set the database.
		 * @param dbName the database
		 * @return this builder
		 */
		public Builder dbName(@Nullable String dbName) {
			this.dbName = dbName;
			return this;
		}

		/**
		 * Set the partition.
		 * @param partitionName the partition
		 * @return this builder
		 */
		public Builder partitionName(@Nullable String partitionName) {
			this.partitionName = partitionName;
			return this;
		}

		/**
		 * Import from a volume.
		 * @param volumeName the volume
		 * @param dataPaths paths relative to the volume root
		 * @return this builder
		 */
		public Builder fromVolume(String volumeName, List<List<String>> dataPaths) {
			return from(Kind.VOLUME, volumeName, dataPaths);
		}

		/**
		 * Import from a stage.
		 * @param stageName the stage
		 * @param dataPaths paths relative to the stage root
		 * @return this builder
		 */
		public Builder fromStage(String stageName, List<List<String>> dataPaths) {
			return from(Kind.STAGE, stageName, dataPaths);
		}

		/**
		 * Import one location, e.g. an upload result.
		 * @param location the location
		 * @return this builder
		 */
		public Builder from(StorageLocation location) {
			return from(location.kind(), location.name(), List.of(List.of(location.path())));
		}

		private Builder from(Kind kind, String name, List<List<String>> dataPaths) {
			this.sourceKind = kind;
			this.sourceName = name;
			this.dataPaths = dataPaths;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 * @throws InvalidRequestException if no source was set
		 */
		public ImportRequest build() {
			Kind kind = this.sourceKind;
			String name = this.sourceName;
			if (kind == null || name == null) {
				throw new InvalidRequestException("source", null, "an import needs fromVolume(..) or fromStage(..)");
			}
			return new ImportRequest(this.clusterId, this.collectionName, this.dbName, this.partitionName, kind, name,
					this.dataPaths);
		}

	}

}
