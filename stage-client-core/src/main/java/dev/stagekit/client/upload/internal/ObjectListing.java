package dev.stagekit.client.upload.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

import dev.stagekit.client.upload.StorageException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists the objects under a prefix with an upload's credentials, page by page ({@code ListObjectsV2}, in
 * key order), each page retried like any storage request. Lazy: nothing is listed until subscribed, and
 * the next page is fetched only when the previous one is consumed.
 */
final class ObjectListing {

	private final StorageRetry retry;

	ObjectListing(StorageRetry retry) {
		this.retry = retry;
	}

	/**
	 * The objects under the upload's target directory.
	 * @param plan the upload
	 * @param within a name inside the target directory to narrow the listing to ({@code ""} for all)
	 * @return the objects, in key order
	 */
	Flux<S3Object> under(UploadPlan plan, String within) {
		String prefix = plan.keyOf(plan.target() + within);
		return page(plan, prefix, null)
			.expand((page) -> Boolean.TRUE.equals(page.isTruncated())
					? page(plan, prefix, page.nextContinuationToken()) : Mono.empty())
			.concatMapIterable(ListObjectsV2Response::contents);
	}

	/**
	 * The objects under the upload's target directory, for a walk on a thread that may block: each page is
	 * fetched only when the previous one has been read to its end, so nothing more is listed once the reader
	 * stops, and at most one page is held.
	 * @param plan the upload
	 * @param within a name inside the target directory to narrow the listing to ({@code ""} for all)
	 * @return the objects, in key order
	 */
	Iterable<S3Object> blocking(UploadPlan plan, String within) {
		String prefix = plan.keyOf(plan.target() + within);
		return () -> new Iterator<>() {

			private Iterator<S3Object> page = Collections.emptyIterator();

			private @Nullable String token;

			private boolean more = true;

			@Override
			public boolean hasNext() {
				while (!this.page.hasNext() && this.more) {
					ListObjectsV2Response response = page(plan, prefix, this.token).block();
					if (response == null) {
						throw new IllegalStateException("ListObjectsV2 of '" + prefix + "' answered nothing");
					}
					String next = response.nextContinuationToken();
					this.more = Boolean.TRUE.equals(response.isTruncated());
					if (this.more && (next == null || next.equals(this.token))) {
						throw new StorageException("ListObjectsV2 of '" + prefix + "' answered a truncated page without"
								+ " a new continuation token; the listing cannot go on", prefix, 0, null, 1, false, null);
					}
					this.token = next;
					this.page = response.contents().iterator();
				}
				return this.page.hasNext();
			}

			@Override
			public S3Object next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return this.page.next();
			}

		};
	}

	/** An open multipart upload as the store lists it. */
	record Open(String key, String uploadId, @Nullable Instant initiated) {
	}

	/**
	 * The multipart uploads open under the plan's target directory, page by page ({@code ListMultipartUploads},
	 * which the applied credentials allow inside their prefix).
	 * @param plan the plan (session, bucket, target)
	 * @return the open uploads, in key order
	 */
	Flux<Open> openUploads(UploadPlan plan) {
		String prefix = plan.apply().prefix() + plan.target();
		return openPage(plan, prefix, null, null).expand((response) -> Boolean.TRUE.equals(response.isTruncated())
				? openPage(plan, prefix, response.nextKeyMarker(), response.nextUploadIdMarker()) : Mono.empty())
			.concatMapIterable((response) -> response.uploads()
				.stream()
				.map((upload) -> new Open(upload.key(), upload.uploadId(), upload.initiated()))
				.toList());
	}

	private Mono<software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse> openPage(UploadPlan plan,
			String prefix, @Nullable String keyMarker, @Nullable String uploadIdMarker) {
		return this.retry.call(plan.session(), "ListMultipartUploads", prefix,
				(lease) -> lease.client()
					.listMultipartUploads((list) -> list.bucket(plan.bucket())
						.prefix(prefix)
						.keyMarker(keyMarker)
						.uploadIdMarker(uploadIdMarker)),
				() -> {
				});
	}

	private Mono<ListObjectsV2Response> page(UploadPlan plan, String prefix, @Nullable String token) {
		return this.retry.call(plan.session(), "ListObjectsV2", prefix,
				(lease) -> lease.client()
					.listObjectsV2((list) -> list.bucket(plan.bucket()).prefix(prefix).continuationToken(token)),
				() -> {
				});
	}

}
