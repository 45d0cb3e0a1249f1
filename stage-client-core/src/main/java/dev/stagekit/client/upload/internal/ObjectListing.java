package dev.stagekit.client.upload.internal;

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

	/** The objects under the upload's target directory. */
	Flux<S3Object> under(UploadPlan plan) {
		String prefix = plan.keyOf(plan.target());
		return page(plan, prefix, null)
			.expand((page) -> Boolean.TRUE.equals(page.isTruncated())
					? page(plan, prefix, page.nextContinuationToken()) : Mono.empty())
			.concatMapIterable(ListObjectsV2Response::contents);
	}

	private Mono<ListObjectsV2Response> page(UploadPlan plan, String prefix, @Nullable String token) {
		return this.retry.call(plan.session(), "ListObjectsV2", prefix,
				(lease) -> lease.client()
					.listObjectsV2((list) -> list.bucket(plan.bucket()).prefix(prefix).continuationToken(token)),
				() -> {
				});
	}

}
