package dev.stagekit.client.upload.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import dev.stagekit.client.ZillizCloudException;
import dev.stagekit.client.internal.Failure;
import dev.stagekit.client.upload.SourceChangedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Re-checks a write whose answer was lost instead of trusting or repeating it: when a {@code PutObject}
 * failed after an attempt that got no answer (the store may have stored it), or a
 * {@code CompleteMultipartUpload} retry is told {@code NoSuchUpload} (the first attempt completed it), the
 * object is read back with one {@code HeadObject} and the write counts as done only if the stored object is
 * the one sent: its size, and its ETag, which is the MD5 of the bytes for one request and the MD5 of the
 * parts' MD5s for a multipart upload. Anything else (another object, a store whose ETags are not MD5s) keeps
 * the failure.
 */
final class LostAnswers {

	private static final Logger logger = LoggerFactory.getLogger(LostAnswers.class);

	private final StorageRetry retry;

	LostAnswers(StorageRetry retry) {
		this.retry = retry;
	}

	/**
	 * Wrap one request so that attempts without an answer are noted.
	 * @param <T> the response type
	 * @param unanswered set when an attempt failed without an answer from the store
	 * @param request the request
	 * @return the noting request
	 */
	static <T> Function<StorageSession.Lease, CompletableFuture<T>> noting(AtomicBoolean unanswered,
			Function<StorageSession.Lease, CompletableFuture<T>> request) {
		return (lease) -> request.apply(lease).whenComplete((response, ex) -> {
			if (ex != null && isUnanswered(ex)) {
				unanswered.set(true);
			}
		});
	}

	/** A failure without any answer from the store: the request may or may not have been carried out. */
	static boolean isUnanswered(Throwable failure) {
		return Failure.find(failure, AwsServiceException.class) == null
				&& Failure.find(failure, SourceChangedException.class) == null
				&& Failure.find(failure, ZillizCloudException.class) == null;
	}

	/** Whether a failure says the multipart upload is gone (completed or aborted). */
	static boolean isNoSuchUpload(Throwable failure) {
		AwsServiceException service = Failure.find(failure, AwsServiceException.class);
		return service != null && service.awsErrorDetails() != null
				&& "NoSuchUpload".equals(service.awsErrorDetails().errorCode());
	}

	/**
	 * After a failed single PUT: succeed if the object stored under the key is the body that was sent.
	 * @param plan the upload
	 * @param key the key
	 * @param part the body
	 * @param failure the failure of the PUT
	 * @return completes if it is ours, else errors with the failure
	 */
	Mono<Void> recheckPut(UploadPlan plan, String key, PartBody part, Throwable failure) {
		return md5(part.body()).flatMap((md5) -> recheck(plan, key, part.length(), md5, "PutObject"))
			.flatMap((ours) -> {
				if (ours) {
					return Mono.<Void>empty();
				}
				part.failedAttempt();
				return Mono.<Void>error(failure);
			});
	}

	/**
	 * After a failed complete: succeed if the object stored under the key is the completion of these parts.
	 * @param plan the upload
	 * @param key the key
	 * @param parts the completed parts (their ETags are the MD5s of their bytes)
	 * @param failure the failure of the complete
	 * @return completes if it is ours, else errors with the failure
	 */
	Mono<Void> recheckComplete(UploadPlan plan, String key, List<CompletedPart> parts, Throwable failure) {
		String expected = multipartEtag(parts);
		if (expected == null) {
			return Mono.error(failure);
		}
		return recheck(plan, key, null, expected, "CompleteMultipartUpload")
			.flatMap((ours) -> ours ? Mono.<Void>empty() : Mono.<Void>error(failure));
	}

	private Mono<Boolean> recheck(UploadPlan plan, String key, @Nullable Long size, String etag, String operation) {
		return this.retry.call(plan.session(), "HeadObject", key,
				(lease) -> lease.client().headObject((head) -> head.bucket(plan.bucket()).key(key)), LostAnswers::nothing)
			.map((head) -> isOurs(head, size, etag))
			.onErrorReturn(false)
			.doOnNext((ours) -> logger.debug("{} of '{}' lost its answer; the stored object is {}ours", operation, key,
					ours ? "" : "not "));
	}

	private static boolean isOurs(HeadObjectResponse head, @Nullable Long size, String etag) {
		return (size == null || (head.contentLength() != null && head.contentLength() == size.longValue()))
				&& head.eTag() != null && Etags.normalize(head.eTag()).equals(etag);
	}

	/** The ETag S3 gives the completion of these parts, or {@code null} if a part's ETag is not an MD5. */
	static @Nullable String multipartEtag(List<CompletedPart> parts) {
		MessageDigest whole = md5();
		for (CompletedPart part : parts) {
			String etag = (part.eTag() != null) ? Etags.normalize(part.eTag()) : "";
			if (!etag.matches("[0-9a-f]{32}")) {
				return null;
			}
			whole.update(HexFormat.of().parseHex(etag));
		}
		return HexFormat.of().formatHex(whole.digest()) + "-" + parts.size();
	}

	private static Mono<String> md5(AsyncRequestBody body) {
		return Flux.from(body).reduce(md5(), (digest, buffer) -> {
			digest.update(buffer.duplicate());
			return digest;
		}).map((digest) -> HexFormat.of().formatHex(digest.digest()));
	}

	private static MessageDigest md5() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void nothing() {
	}

}
