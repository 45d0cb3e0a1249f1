package dev.stagekit.client.upload.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.stagekit.client.upload.SkipPolicy;
import dev.stagekit.client.upload.SourceChangedException;
import dev.stagekit.client.upload.internal.SourceScanner.SourceFile;
import dev.stagekit.client.upload.internal.SourceScanner.Summary;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Plans a tree upload: walks the source (lazily, in S3 key order), holds the limits against what is really
 * sent, and decides which files the skip policy skips, from a listing of the target prefix.
 */
final class TreePlanner {

	private final StorageRetry retry;

	TreePlanner(StorageRetry retry) {
		this.retry = retry;
	}

	/** The files to upload; the limits are checked again as the tree is walked, since it may have grown. */
	Flux<SourceFile> files(UploadPlan plan, SourceScanner scanner, Summary summary) {
		AtomicLong files = new AtomicLong();
		AtomicLong bytes = new AtomicLong();
		return Flux.fromIterable(scanner).subscribeOn(Schedulers.boundedElastic()).doOnNext((file) -> {
			long count = files.incrementAndGet();
			long total = bytes.addAndGet(file.size());
			if (count > summary.files() || total > summary.bytes()) {
				Limits.check(plan.apply(), count, total);
				plan.tracker().expect(Math.max(count, summary.files()), Math.max(total, summary.bytes()));
			}
		});
	}

	/** The objects already under the target prefix, or none when nothing is ever skipped. */
	Mono<Map<String, Remote>> remote(UploadPlan plan) {
		if (plan.policy() == SkipPolicy.OVERWRITE) {
			return Mono.just(Map.of());
		}
		String prefix = plan.keyOf(plan.target());
		return listPage(plan, prefix, null)
			.expand((page) -> Boolean.TRUE.equals(page.isTruncated())
					? listPage(plan, prefix, page.nextContinuationToken()) : Mono.empty())
			.flatMapIterable(ListObjectsV2Response::contents)
			.collectMap(S3Object::key, (object) -> new Remote(object.size(), object.eTag()));
	}

	/** Whether the policy skips a file, given the object stored under its key (if any). */
	static Mono<Boolean> skip(SkipPolicy policy, SourceFile file, @Nullable Remote remote, long partSize) {
		if (remote == null) {
			return Mono.just(false);
		}
		return switch (policy) {
			case SKIP_IF_EXISTS -> Mono.just(true);
			case SKIP_IF_SAME_SIZE -> Mono.just(remote.size() == file.size());
			case SKIP_IF_SAME_CHECKSUM -> (remote.size() != file.size() || remote.etag() == null) ? Mono.just(false)
					: Mono.fromCallable(() -> Etags.of(file.path(), file.size(), partSize)
						.equals(Etags.normalize(remote.etag()))).subscribeOn(Schedulers.boundedElastic());
			case OVERWRITE -> Mono.just(false);
		};
	}

	/** Fails if a file changed since it was listed. */
	static void unchanged(SourceFile file) {
		try {
			BasicFileAttributes now = Files.readAttributes(file.path(), BasicFileAttributes.class);
			if (now.size() != file.size() || !now.lastModifiedTime().equals(file.lastModified())) {
				throw new SourceChangedException(file.path(), "size " + file.size() + " -> " + now.size()
						+ " bytes, modified " + file.lastModified() + " -> " + now.lastModifiedTime(), null);
			}
		}
		catch (IOException ex) {
			throw new SourceChangedException(file.path(), "it can no longer be read", ex);
		}
	}

	private Mono<ListObjectsV2Response> listPage(UploadPlan plan, String prefix, @Nullable String token) {
		return this.retry.call(plan.session(), "ListObjectsV2", prefix,
				(lease) -> lease.client()
					.listObjectsV2((list) -> list.bucket(plan.bucket()).prefix(prefix).continuationToken(token)),
				() -> {
				});
	}

	/**
	 * An existing object of the target directory.
	 *
	 * @param size its size
	 * @param etag its ETag, if listed
	 */
	record Remote(long size, @Nullable String etag) {
	}

}
