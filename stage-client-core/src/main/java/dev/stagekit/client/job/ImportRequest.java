package dev.stagekit.client.job;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.Kind;
import dev.stagekit.client.StorageLocation;
import org.jspecify.annotations.Nullable;

/**
 * Request to import files from a stage or volume (or the user's own bucket) into a collection. A request is one
 * job: it carries an {@code Idempotency-Key} (set by the caller or generated when built), sent on every attempt
 * of its create, so that a create retried after a lost answer, or the same request sent again, never starts a
 * second job.
 *
 * @param clusterId the cluster (defaults to the settings' cluster)
 * @param collectionName the collection
 * @param dbName optional database
 * @param partitionName optional partition
 * @param sourceKind whether the source is a stage or a volume ({@code null} for an object-storage import)
 * @param sourceName the stage or volume name ({@code null} for an object-storage import)
 * @param dataPaths the data paths relative to the source root, one inner list per file group (empty for an
 * object-storage import)
 * @param objectStorage the files in the user's own bucket, or {@code null} for a stage or volume import
 * @param autoCommit whether the job commits its rows itself ({@code null}: the service's default, which is
 * {@code true}); with {@code false} the job waits for {@link ReactiveImportJobs#commit(ImportJobId)}
 * @param idempotencyKey the {@code Idempotency-Key} of the create (at most 256 bytes of printable ASCII)
 * @since 0.1.0
 */
public record ImportRequest(@Nullable String clusterId, String collectionName, @Nullable String dbName,
		@Nullable String partitionName, @Nullable Kind sourceKind, @Nullable String sourceName,
		List<List<String>> dataPaths, @Nullable ObjectStorageSource objectStorage, @Nullable Boolean autoCommit,
		String idempotencyKey) {

	/** The longest {@code Idempotency-Key}, in bytes. */
	public static final int MAX_IDEMPOTENCY_KEY_BYTES = 256;

	/**
	 * Copy the paths and check the idempotency key.
	 * @throws InvalidRequestException if the key is empty, too long or not printable ASCII
	 */
	public ImportRequest {
		dataPaths = dataPaths.stream().map(List::copyOf).toList();
		checkIdempotencyKey(idempotencyKey);
	}

	private static void checkIdempotencyKey(String key) {
		if (key.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length > MAX_IDEMPOTENCY_KEY_BYTES
				|| !key.chars().allMatch((c) -> c >= 0x20 && c <= 0x7e)) {
			throw new InvalidRequestException("idempotencyKey", key,
					"must be 1 to " + MAX_IDEMPOTENCY_KEY_BYTES + " bytes of printable ASCII");
		}
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

		private @Nullable ObjectStorageSource objectStorage;

		private @Nullable Boolean autoCommit;

		private @Nullable String idempotencyKey;

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

		/**
		 * Import from the user's own bucket with its long-lived keys, as the official clients' cloud import.
		 * @param objectUrls object URLs, one inner list per file group; a folder ends with {@code /}
		 * @param accessKey the access key
		 * @param secretKey the secret key
		 * @return this builder
		 */
		public Builder fromObjectUrls(List<List<String>> objectUrls, String accessKey, String secretKey) {
			return fromObjectUrls(objectUrls, accessKey, secretKey, null);
		}

		/**
		 * Import from the user's own bucket with temporary keys and their session token.
		 * @param objectUrls object URLs, one inner list per file group; a folder ends with {@code /}
		 * @param accessKey the access key
		 * @param secretKey the secret key
		 * @param token the session token, or {@code null}
		 * @return this builder
		 */
		public Builder fromObjectUrls(List<List<String>> objectUrls, String accessKey, String secretKey,
				@Nullable String token) {
			this.sourceKind = null;
			this.sourceName = null;
			this.dataPaths = List.of();
			this.objectStorage = new ObjectStorageSource(objectUrls, accessKey, secretKey, token);
			return this;
		}

		/**
		 * Choose two-phase import: with {@code false} the job's rows stay invisible until
		 * {@link ReactiveImportJobs#commit(ImportJobId)} (or are dropped by {@code abort}); sent as the option
		 * {@code "auto_commit": "false"} (a string, as Zilliz requires).
		 * @param autoCommit whether the job commits itself
		 * @return this builder
		 */
		public Builder autoCommit(boolean autoCommit) {
			this.autoCommit = autoCommit;
			return this;
		}

		/**
		 * Set the {@code Idempotency-Key} of the create; one is generated otherwise.
		 * @param idempotencyKey 1 to 256 bytes of printable ASCII
		 * @return this builder
		 */
		public Builder idempotencyKey(String idempotencyKey) {
			this.idempotencyKey = idempotencyKey;
			return this;
		}

		private Builder from(Kind kind, String name, List<List<String>> dataPaths) {
			this.sourceKind = kind;
			this.sourceName = name;
			this.dataPaths = dataPaths;
			this.objectStorage = null;
			return this;
		}

		/**
		 * Build the request, generating its idempotency key unless one was set.
		 * @return the request
		 * @throws InvalidRequestException if no source was set or the key is invalid
		 */
		public ImportRequest build() {
			if ((this.sourceKind == null || this.sourceName == null) && this.objectStorage == null) {
				throw new InvalidRequestException("source", null,
						"an import needs fromVolume(..), fromStage(..) or fromObjectUrls(..)");
			}
			String key = (this.idempotencyKey != null) ? this.idempotencyKey : "stagekit-" + UUID.randomUUID();
			return new ImportRequest(this.clusterId, this.collectionName, this.dbName, this.partitionName,
					this.sourceKind, this.sourceName, this.dataPaths, this.objectStorage, this.autoCommit, key);
		}

	}

}
