package dev.stagekit.client.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.stagekit.client.StorageLocation;
import org.jspecify.annotations.Nullable;

/**
 * A merge job: a new collection that left-joins an existing collection with Parquet data from a stage or
 * volume on a merge field, adding new fields ({@code POST /v2/etl/merge}).
 *
 * @param clusterId the cluster, or {@code null} for the settings' default
 * @param dbName the source database, or {@code null} for the default one
 * @param collectionName the source collection
 * @param destDbName the destination database, or {@code null} for the default one
 * @param destCollectionName the new collection
 * @param mergeField the join key, usually the primary key
 * @param newFields the fields to add
 * @param dataSource the Parquet file or folder in a stage or volume, or {@code null} to add the fields empty
 * @since 0.1.0
 */
public record MergeRequest(@Nullable String clusterId, @Nullable String dbName, String collectionName,
		@Nullable String destDbName, String destCollectionName, String mergeField, List<NewField> newFields,
		@Nullable StorageLocation dataSource) {

	public MergeRequest {
		Objects.requireNonNull(collectionName, "collectionName");
		Objects.requireNonNull(destCollectionName, "destCollectionName");
		Objects.requireNonNull(mergeField, "mergeField");
		newFields = List.copyOf(newFields);
	}

	/**
	 * Start a request.
	 * @param collectionName the source collection
	 * @param destCollectionName the new collection
	 * @param mergeField the join key
	 * @return a builder
	 */
	public static Builder builder(String collectionName, String destCollectionName, String mergeField) {
		return new Builder(collectionName, destCollectionName, mergeField);
	}

	/**
	 * Builds a {@link MergeRequest}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final String collectionName;

		private final String destCollectionName;

		private final String mergeField;

		private final List<NewField> newFields = new ArrayList<>();

		private @Nullable String clusterId;

		private @Nullable String dbName;

		private @Nullable String destDbName;

		private @Nullable StorageLocation dataSource;

		private Builder(String collectionName, String destCollectionName, String mergeField) {
			this.collectionName = collectionName;
			this.destCollectionName = destCollectionName;
			this.mergeField = mergeField;
		}

		/**
		 * Target another cluster than the settings' default.
		 * @param clusterId the cluster
		 * @return this builder
		 */
		public Builder clusterId(String clusterId) {
			this.clusterId = clusterId;
			return this;
		}

		/**
		 * Read the source collection from this database.
		 * @param dbName the database
		 * @return this builder
		 */
		public Builder dbName(String dbName) {
			this.dbName = dbName;
			return this;
		}

		/**
		 * Create the new collection in this database.
		 * @param destDbName the database
		 * @return this builder
		 */
		public Builder destDbName(String destDbName) {
			this.destDbName = destDbName;
			return this;
		}

		/**
		 * Add a field.
		 * @param field the field
		 * @return this builder
		 */
		public Builder newField(NewField field) {
			this.newFields.add(field);
			return this;
		}

		/**
		 * Merge the Parquet data at a location, for example an upload's {@code result.location()}.
		 * @param location a Parquet file or a folder of Parquet files in a stage or volume
		 * @return this builder
		 */
		public Builder from(StorageLocation location) {
			this.dataSource = location;
			return this;
		}

		/**
		 * Merge Parquet data from a volume.
		 * @param volumeName the volume
		 * @param dataPath the file or folder
		 * @return this builder
		 */
		public Builder fromVolume(String volumeName, String dataPath) {
			return from(StorageLocation.volume(volumeName, dataPath));
		}

		/**
		 * Merge Parquet data from a stage.
		 * @param stageName the stage
		 * @param dataPath the file or folder
		 * @return this builder
		 */
		public Builder fromStage(String stageName, String dataPath) {
			return from(StorageLocation.stage(stageName, dataPath));
		}

		/**
		 * Build the request.
		 * @return the request
		 */
		public MergeRequest build() {
			return new MergeRequest(this.clusterId, this.dbName, this.collectionName, this.destDbName,
					this.destCollectionName, this.mergeField, this.newFields, this.dataSource);
		}

	}

}
