package dev.stagekit.client.internal;

import java.time.Instant;

import dev.stagekit.client.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Answer of {@code POST /v2/volumes/apply} or {@code /v2/stages/apply}: where to upload and with which temporary
 * credentials. {@code toString()} never shows the credentials.
 *
 * <p>Public because the upload engine ({@code dev.stagekit.client.upload.internal}) uploads with it; not an
 * API: applications reach storage only through the file managers.
 *
 * @param kind stage or volume
 * @param name the stage or volume name
 * @param prefix the object key prefix ({@code volumePrefix}/{@code stagePrefix})
 * @param uploadPath the legacy upload path, if sent
 * @param bucketName the bucket
 * @param endpoint the object-store host[:port], without scheme
 * @param cloud the cloud, e.g. {@code aws}
 * @param region the object-store region
 * @param credentials the temporary credentials
 * @param condition the upload limits
 * @since 0.1.0
 */
public record ApplyResult(Kind kind, String name, String prefix, @Nullable String uploadPath,
		String bucketName, String endpoint, String cloud, String region, StorageCredentials credentials,
		Condition condition) {

	/**
	 * Temporary object-store credentials. {@code toString()} hides the secrets.
	 *
	 * @param tmpAK the access key id
	 * @param tmpSK the secret key
	 * @param sessionToken the session token
	 * @param expireTime when they expire
	 * @since 0.1.0
	 */
	public record StorageCredentials(String tmpAK, String tmpSK, String sessionToken, Instant expireTime) {

		@Override
		public String toString() {
			return "StorageCredentials[tmpAK=******, tmpSK=******, sessionToken=******, expireTime=" + this.expireTime
					+ "]";
		}

	}

	/**
	 * Upload limits.
	 *
	 * @param maxContentLength largest total upload in bytes
	 * @param maxFileNumber largest number of files per upload, if limited
	 * @since 0.1.0
	 */
	public record Condition(long maxContentLength, @Nullable Long maxFileNumber) {
	}

}
