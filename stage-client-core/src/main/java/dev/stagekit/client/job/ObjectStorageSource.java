package dev.stagekit.client.job;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Files in the user's own bucket, named by object URL, with the long-lived keys the import service reads them
 * with (the cloud import of the official clients). The keys never appear in {@link #toString()}.
 *
 * @param objectUrls the object URLs ({@code s3://bucket/key} or the store's https URL), one inner list per
 * file group; a folder ends with {@code /}
 * @param accessKey the access key
 * @param secretKey the secret key
 * @param token the session token, or {@code null}
 * @since 0.1.0
 */
public record ObjectStorageSource(List<List<String>> objectUrls, String accessKey, String secretKey,
		@Nullable String token) {

	/** Copy the URLs. */
	public ObjectStorageSource {
		objectUrls = objectUrls.stream().map(List::copyOf).toList();
	}

	@Override
	public String toString() {
		return "ObjectStorageSource[objectUrls=" + this.objectUrls + ", accessKey=******, secretKey=******, token="
				+ ((this.token != null) ? "******" : "null") + "]";
	}

}
