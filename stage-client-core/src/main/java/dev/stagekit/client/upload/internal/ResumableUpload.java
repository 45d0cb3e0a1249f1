package dev.stagekit.client.upload.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.stagekit.client.Kind;
import dev.stagekit.client.ZillizCloudException;
import dev.stagekit.client.upload.PendingUpload;
import dev.stagekit.client.upload.StorageException;
import dev.stagekit.client.upload.internal.SourceScanner.SourceFile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * The resumable step of a multipart upload: it keeps a checkpoint of the parts the store acknowledged. If
 * a checkpoint of the same source (path, size, modification time) and part size exists and its upload is
 * still open, the parts the store holds are checked against the local bytes (MD5 against the part ETag) and
 * kept; only the others are sent. A transient final failure keeps the upload and the checkpoint for the
 * next attempt; anything else aborts and forgets them.
 */
final class ResumableUpload {

	private static final Logger logger = LoggerFactory.getLogger(ResumableUpload.class);

	private final MultipartUpload uploader;

	private final Checkpoints checkpoints;

	ResumableUpload(MultipartUpload uploader, Checkpoints checkpoints) {
		this.uploader = uploader;
		this.checkpoints = checkpoints;
	}

	Mono<Void> upload(UploadPlan plan, String key, SourceFile file, long partSize, Runnable beforeComplete) {
		int parts = (int) PartSizes.partCount(file.size(), partSize);
		Path checkpointFile = this.checkpoints.fileFor(plan.kind().name(), plan.name(), plan.bucket(), key);
Checkpoints.Header header = new Checkpoints.Header(1, file.path().toAbsolutePath().toString(), file.size(),
				file.lastModified().toString(), partSize, "", plan.kind().name(), plan.name(), key,
				plan.target() + file.relativePath());
		return blocking(() -> this.checkpoints.read(checkpointFile))
			.flatMap((found) -> found.isPresent() ? resume(plan, key, file, header, found.get())
					: Mono.just(Resume.FRESH))
			.flatMap((resume) -> {
				String resumed = resume.uploadId();
				Mono<String> create = (resumed != null) ? Mono.just(resumed)
						: this.uploader.create(plan, key)
							.flatMap((uploadId) -> blocking(() -> {
								this.checkpoints.start(checkpointFile, header.withUploadId(uploadId));
								return uploadId;
							}));
				Function<String, Flux<CompletedPart>> send = (uploadId) -> Flux.range(1, parts)
					.flatMapSequential((number) -> {
						long offset = (number - 1) * partSize;
						long length = Math.min(partSize, file.size() - offset);
						CompletedPart stored = resume.stored().get(number);
						if (stored != null) {
							plan.tracker().sent(length);
							return Mono.just(stored);
						}
						return this.uploader
							.part(plan, key, uploadId, number, PartBody.of(file, offset, length, plan.tracker()))
							.flatMap((completed) -> blocking(() -> {
								this.checkpoints.append(checkpointFile, new Checkpoints.Part(number, completed.eTag(),
										this.uploader.checksums().of(completed)));
								return completed;
							}));
					}, this.uploader.partConcurrency(), 1);
				BiFunction<String, Throwable, Mono<Void>> onError = (uploadId, error) -> {
					if (error instanceof ZillizCloudException failure && failure.isTransient()) {
						logger.info("Upload of '{}' interrupted; its stored parts and checkpoint are kept so that the"
								+ " same upload can resume", key);
						return Mono.empty();
					}
					return this.uploader.abort(plan, key, uploadId).then(forget(checkpointFile));
				};
				return this.uploader.upload(plan, key, create, send, beforeComplete, onError,
						(uploadId) -> forget(checkpointFile))
					.onErrorMap(StorageException.class::isInstance, (error) -> kept((StorageException) error,
							file, checkpointFile));
			});
	}

	/**
	 * The pending uploads of one stage or volume, from the checkpoints.
	 * @param kind stage or volume
	 * @param name its name
	 * @return the pending uploads
	 */
	Flux<PendingUpload> pending(Kind kind, String name) {
		return blocking(this.checkpoints::all).flatMapIterable((all) -> all.stream()
			.filter((checkpoint) -> kind.name().equals(checkpoint.header().kind())
					&& name.equals(checkpoint.header().name()) && checkpoint.header().key() != null
					&& checkpoint.header().path() != null)
			.map((checkpoint) -> {
				Checkpoints.Header header = checkpoint.header();
				return new PendingUpload(Objects.requireNonNull(header.path()), Objects.requireNonNull(header.key()),
						header.uploadId(), (int) checkpoint.parts().stream().mapToInt(Checkpoints.Part::number)
							.distinct().count(),
						(int) PartSizes.partCount(header.size(), header.partSize()), header.partSize(),
						Path.of(header.source()), checkpoint.file());
			})
			.toList());
	}

	/**
	 * Discard a pending upload: abort its multipart upload (a failure is reported), then delete its checkpoint.
	 * @param plan the upload's plan (its session and bucket)
	 * @param pending the upload
	 * @return completion
	 */
	Mono<Void> discard(UploadPlan plan, PendingUpload pending) {
		return abort(plan, pending.key(), pending.uploadId()).then(forget(pending.checkpoint()));
	}

	/** Abort a multipart upload by key and id; one already gone (404) counts as aborted. */
	Mono<Void> abort(UploadPlan plan, String key, String uploadId) {
		return this.uploader.abortOrFail(plan, key, uploadId)
			.onErrorResume((ex) -> ex instanceof StorageException storage && storage.statusCode() == 404,
					(ex) -> Mono.empty());
	}

	/** A transient failure that kept the parts says so, and how to resume. */
	private static Throwable kept(StorageException error, SourceFile file, Path checkpointFile) {
		if (!error.isTransient()) {
			return error;
		}
		return new StorageException(error.getMessage() + " The parts stored so far and the checkpoint " + checkpointFile
				+ " are kept: upload " + file.path() + " to the same target again with resumable uploads on (or use "
				+ "pendingUploads() and resume() of the file manager) to send only the missing parts, or discard() it.", error.key(), error.statusCode(),
				error.errorCode(), error.attempts(), true, error);
	}

	private Mono<Resume> resume(UploadPlan plan, String key, SourceFile file, Checkpoints.Header expected,
			Checkpoints.Checkpoint checkpoint) {
		Checkpoints.Header header = checkpoint.header();
		String uploadId = header.uploadId();
		if (!header.withUploadId("").equals(expected)) {
			logger.info("The source of '{}' changed since its interrupted upload; starting over", key);
			return this.uploader.abort(plan, key, uploadId).then(forget(checkpoint.file())).thenReturn(Resume.FRESH);
		}
		return this.uploader.listParts(plan, key, uploadId)
			.flatMap((listed) -> blocking(() -> new Resume(uploadId, kept(checkpoint, listed, file))))
			.doOnNext((resume) -> logger.info("Resuming the upload of '{}': {} of its parts are already stored", key,
					resume.stored().size()))
			.onErrorResume((ex) -> {
				logger.info("The interrupted upload of '{}' cannot be resumed ({}); starting over", key,
						ex.getMessage());
				return forget(checkpoint.file()).thenReturn(Resume.FRESH);
			});
	}

	private Map<Integer, CompletedPart> kept(Checkpoints.Checkpoint checkpoint, Map<Integer, Part> listed,
			SourceFile file) throws IOException {
		long partSize = checkpoint.header().partSize();
		Map<Integer, CompletedPart> kept = new HashMap<>();
		for (Checkpoints.Part part : checkpoint.parts()) {
			Part stored = listed.get(part.number());
			long offset = (part.number() - 1) * partSize;
			long length = Math.min(partSize, file.size() - offset);
			String etag = Etags.normalize(part.etag());
			if (stored != null && stored.size() == length && Etags.normalize(stored.eTag()).equals(etag)
					&& Etags.ofSlice(file.path(), offset, length).equals(etag)) {
				kept.put(part.number(), this.uploader.checksums().part(part.number(), part.etag(), part.checksum()));
			}
		}
		return kept;
	}

	private Mono<Void> forget(Path checkpointFile) {
		return Mono.<Void>fromRunnable(() -> this.checkpoints.delete(checkpointFile))
			.subscribeOn(Schedulers.boundedElastic());
	}

	private static <T> Mono<T> blocking(Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}

	/** The parts of an interrupted upload that can be kept, or none for a fresh start. */
	private record Resume(@Nullable String uploadId, Map<Integer, CompletedPart> stored) {

		static final Resume FRESH = new Resume(null, Map.of());

	}

}
