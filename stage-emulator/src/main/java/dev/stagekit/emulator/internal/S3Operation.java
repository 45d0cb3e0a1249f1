package dev.stagekit.emulator.internal;

import java.util.Map;

/**
 * The S3 operations the data plane tells apart, classified from method, path and query as S3
 * itself does for path-style requests.
 */
enum S3Operation {

	CreateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload, ListParts,
	ListMultipartUploads, ListObjectsV2, ListObjects, PutObject, CopyObject, GetObject, HeadObject, DeleteObject,
	DeleteObjects, HeadBucket, ListBuckets, Other;

	static S3Operation classify(String method, String bucket, String key, Map<String, String> query,
			boolean copySource) {
		if (bucket.isEmpty()) {
			return method.equals("GET") ? ListBuckets : Other;
		}
		if (key.isEmpty()) {
			return switch (method) {
				case "GET" -> query.containsKey("uploads") ? ListMultipartUploads
						: "2".equals(query.get("list-type")) ? ListObjectsV2 : ListObjects;
				case "HEAD" -> HeadBucket;
				case "POST" -> query.containsKey("delete") ? DeleteObjects : Other;
				default -> Other;
			};
		}
		boolean uploadId = query.containsKey("uploadId");
		return switch (method) {
			case "POST" -> query.containsKey("uploads") ? CreateMultipartUpload
					: uploadId ? CompleteMultipartUpload : Other;
			case "PUT" -> (uploadId && query.containsKey("partNumber")) ? UploadPart
					: copySource ? CopyObject : PutObject;
			case "GET" -> uploadId ? ListParts : GetObject;
			case "HEAD" -> HeadObject;
			case "DELETE" -> uploadId ? AbortMultipartUpload : DeleteObject;
			default -> Other;
		};
	}

	/** Whether a session may perform this operation on a key inside its scope. */
	boolean allowedOnKey() {
		return switch (this) {
			case PutObject, UploadPart, CreateMultipartUpload, CompleteMultipartUpload, AbortMultipartUpload,
					ListParts, GetObject, HeadObject ->
				true;
			default -> false;
		};
	}

}
