package dev.stagekit.client.upload.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.stagekit.client.upload.OrphanedUploadException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * The one uploader of object bytes: a single {@code PutObject}, or a multipart upload whose parts are
 * sent, retried one by one and completed; whatever the {@link PartBody} (file slice or stream chunk).
 * Every request carries the configured checksum. A multipart upload that fails is aborted before the
 * failure is reported; one that is cancelled is aborted in the background (tracked by {@link Cleanups}).
 */
final class MultipartUpload {

	private static final Logger logger = LoggerFactory.getLogger(MultipartUpload.class);

	private final StorageRetry retry;

	private final Checksums checksums;

	private final int partConcurrency;

	private final InMemoryPut inMemory;

	private final LostAnswers lostAnswers;

	MultipartUpload(StorageRetry retry, Checksums checksums, int partConcurrency, int fileConcurrency) {
		this.retry = retry;
		this.lostAnswers = new LostAnswers(retry);
		this.checksums = checksums;
		this.partConcurrency = partConcurrency;
		this.inMemory = new InMemoryPut(retry, checksums, fileConcurrency);
	}

	Checksums checksums() {
		return this.checksums;
	}

	/**
	 * Send an object in one request: a small one from memory ({@link InMemoryPut}), a larger one streamed; one
	 * that failed after an unanswered attempt is re-checked ({@link LostAnswers}).
	 */
	Mono<Void> put(UploadPlan plan, String key, PartBody part) {
		AtomicBoolean unanswered = new AtomicBoolean();
		Mono<Void> sent = InMemoryPut.accepts(part)
				? this.inMemory.put(plan, key, part, unanswered, () -> stream(plan, key, part, unanswered))
				: stream(plan, key, part, unanswered);
		return sent.onErrorResume((ex) -> unanswered.get(), (ex) -> this.lostAnswers.recheckPut(plan, key, part, ex));
	}

	private Mono<Void> stream(UploadPlan plan, String key, PartBody part, AtomicBoolean unanswered) {
		return this.retry.call(plan.session(), "PutObject", key,
				LostAnswers.noting(unanswered, (lease) -> lease.client().putObject((put) -> put.bucket(plan.bucket()).key(key)
					.contentLength(part.length())
					.contentType("application/octet-stream")
					.checksumAlgorithm(this.checksums.algorithm()), part.body())),
				part::failedAttempt)
			.then();
	}

	/**
	 * Run a multipart upload: create it, send the parts (numbered from 1), run a last check, complete it;
	 * abort it on any failure (awaited) or cancellation (tracked).
	 */
	Mono<Void> upload(UploadPlan plan, String key, Flux<PartBody> parts, Runnable beforeComplete) {
		return upload(plan, key, create(plan, key), (uploadId) -> send(plan, key, uploadId, parts), beforeComplete,
				(uploadId, error) -> abortAfter(plan, key, uploadId, error), (uploadId) -> Mono.empty());
	}

	/** The general form, for uploads that resume or keep their parts on failure. */
	Mono<Void> upload(UploadPlan plan, String key, Mono<String> create, Function<String, Flux<CompletedPart>> parts,
			Runnable beforeComplete, BiFunction<String, Throwable, Mono<Void>> onError,
			Function<String, Mono<Void>> onSuccess) {
		return Mono.usingWhen(create,
				(uploadId) -> parts.apply(uploadId)
					.collectList()
					.flatMap((completed) -> Mono.fromRunnable(beforeComplete)
						.subscribeOn(Schedulers.boundedElastic())
						.then(complete(plan, key, uploadId, completed))),
				onSuccess, onError, (uploadId) -> {
					plan.local().start(abort(plan, key, uploadId));
					return Mono.empty();
				})
			.then();
	}

	/** Send numbered parts, a few at once, keeping their order. */
	Flux<CompletedPart> send(UploadPlan plan, String key, String uploadId, Flux<PartBody> parts) {
		return parts.index()
			.flatMapSequential((indexed) -> part(plan, key, uploadId, (int) (indexed.getT1() + 1), indexed.getT2()),
					this.partConcurrency, 1);
	}

	int partConcurrency() {
		return this.partConcurrency;
	}

	Mono<CompletedPart> part(UploadPlan plan, String key, String uploadId, int number, PartBody part) {
		return this.retry.call(plan.session(), "UploadPart", key, "part " + number,
				(lease) -> lease.client()
					.uploadPart((request) -> request.bucket(plan.bucket()).key(key).uploadId(uploadId)
						.partNumber(number)
						.contentLength(part.length())
						.checksumAlgorithm(this.checksums.algorithm()), part.body())
					.thenApply((response) -> Checksums.part(number, response)),
				part::failedAttempt);
	}

	/** Create a multipart upload; one created after its caller went away is aborted, not orphaned. */
	Mono<String> create(UploadPlan plan, String key) {
		AtomicBoolean cancelled = new AtomicBoolean();
		return this.retry.call(plan.session(), "CreateMultipartUpload", key, (lease) -> {
			CompletableFuture<CreateMultipartUploadResponse> created = lease.client()
				.createMultipartUpload((request) -> request.bucket(plan.bucket()).key(key)
					.contentType("application/octet-stream")
					.checksumAlgorithm(this.checksums.algorithm()));
			created.whenComplete((response, ex) -> {
				if (response != null && cancelled.get()) {
					plan.local().start(abort(plan, key, response.uploadId()));
				}
			});
			return created.thenApply(CreateMultipartUploadResponse::uploadId);
		}, MultipartUpload::nothing).doOnCancel(() -> cancelled.set(true));
	}

	Mono<Map<Integer, Part>> listParts(UploadPlan plan, String key, String uploadId) {
		return listPartsPage(plan, key, uploadId, null)
			.expand((page) -> Boolean.TRUE.equals(page.isTruncated())
					? listPartsPage(plan, key, uploadId, page.nextPartNumberMarker()) : Mono.empty())
			.flatMapIterable(ListPartsResponse::parts)
			.collectMap(Part::partNumber, (part) -> part);
	}

	/**
	 * Abort after a failure; if the abort fails too, the failure carries an {@link OrphanedUploadException}
	 * (suppressed) naming the upload that stays open.
	 */
	Mono<Void> abortAfter(UploadPlan plan, String key, String uploadId, Throwable failure) {
		return abortOrFail(plan, key, uploadId).onErrorResume((ex) -> {
			logger.warn("Could not abort the multipart upload of '{}' (upload id {}): {}", key, uploadId,
					ex.getMessage());
			failure.addSuppressed(new OrphanedUploadException(key, uploadId, ex));
			return Mono.empty();
		});
	}

	Mono<Void> abortOrFail(UploadPlan plan, String key, String uploadId) {
		return this.retry.call(plan.session(), "AbortMultipartUpload", key,
				(lease) -> lease.client()
					.abortMultipartUpload((request) -> request.bucket(plan.bucket()).key(key).uploadId(uploadId)),
				MultipartUpload::nothing)
			.then();
	}

	Mono<Void> abort(UploadPlan plan, String key, String uploadId) {
		return this.retry.call(plan.session(), "AbortMultipartUpload", key,
				(lease) -> lease.client()
					.abortMultipartUpload((request) -> request.bucket(plan.bucket()).key(key).uploadId(uploadId)),
				MultipartUpload::nothing)
			.then()
			.onErrorResume((ex) -> {
				logger.warn("Could not abort the multipart upload of '{}': {}", key, ex.getMessage());
				return Mono.empty();
			});
	}

	private Mono<ListPartsResponse> listPartsPage(UploadPlan plan, String key, String uploadId,
			@Nullable Integer marker) {
		return this.retry.call(plan.session(), "ListParts", key,
				(lease) -> lease.client()
					.listParts((list) -> list.bucket(plan.bucket()).key(key).uploadId(uploadId).partNumberMarker(marker)),
				MultipartUpload::nothing);
	}

	/** Complete an upload; one whose answer was lost (a retry told NoSuchUpload) is re-checked. */
	private Mono<Void> complete(UploadPlan plan, String key, String uploadId, List<CompletedPart> parts) {
		AtomicBoolean unanswered = new AtomicBoolean();
		return this.retry.call(plan.session(), "CompleteMultipartUpload", key,
				LostAnswers.noting(unanswered, (lease) -> lease.client()
					.completeMultipartUpload(CompleteMultipartUploadRequest.builder()
						.bucket(plan.bucket())
						.key(key)
						.uploadId(uploadId)
						.multipartUpload(CompletedMultipartUpload.builder().parts(parts).build())
						.build())),
				MultipartUpload::nothing)
			.then()
			.onErrorResume((ex) -> unanswered.get() || LostAnswers.isNoSuchUpload(ex),
					(ex) -> this.lostAnswers.recheckComplete(plan, key, parts, ex));
	}

	private static void nothing() {
	}

}
