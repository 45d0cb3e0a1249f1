package dev.stagekit.client.upload.internal;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.stagekit.client.upload.SkipPolicy;
import dev.stagekit.client.upload.internal.SourceScanner.SourceFile;
import dev.stagekit.client.upload.internal.SourceScanner.Summary;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Plans a tree upload: walks the source (lazily, in S3 key order), holds the limits against what is really
 * sent, and decides for each file its key, its part size and whether the skip policy skips it, from the
 * {@link ObjectListing} of the target directory. The planned files flow on to {@link TreeUpload}.
 */
final class TreePlanner {

	/**
	 * The planned files, in the order of the walk.
	 * @param plan the upload
	 * @param scanner the source
	 * @param summary the source's totals as first counted
	 * @param stored the objects under the target directory (listed only when the skip policy needs them)
	 * @return the planned files
	 */
	Flux<PlannedFile> plan(UploadPlan plan, SourceScanner scanner, Summary summary, Flux<S3Object> stored) {
		Mono<Map<String, Remote>> remote = (plan.policy() == SkipPolicy.OVERWRITE) ? Mono.just(Map.of())
				: stored.collectMap(S3Object::key, (object) -> new Remote(object.size(), object.eTag()));
		return remote.flatMapMany((existing) -> files(plan, scanner, summary).concatMap((file) -> {
			String path = plan.target() + file.relativePath();
			String key = plan.keyOf(path);
			long partSize = PartSizes.choose(file.size(), plan.partSize());
			return skip(plan.policy(), file, existing.get(key), partSize)
				.map((skip) -> new PlannedFile(file, path, key, partSize, skip));
		}));
	}

	/** The files to upload; the limits are checked again as the tree is walked, since it may have grown. */
	private Flux<SourceFile> files(UploadPlan plan, SourceScanner scanner, Summary summary) {
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

	/** Whether the policy skips a file, given the object stored under its key (if any). */
	private static Mono<Boolean> skip(SkipPolicy policy, SourceFile file, @Nullable Remote remote, long partSize) {
		if (remote == null) {
			return Mono.just(false);
		}
		String etag = remote.etag();
		return switch (policy) {
			case SKIP_IF_EXISTS -> Mono.just(true);
			case SKIP_IF_SAME_SIZE -> Mono.just(remote.size() == file.size());
			case SKIP_IF_SAME_CHECKSUM -> (remote.size() != file.size() || etag == null) ? Mono.just(false)
					: Mono.fromCallable(() -> Etags.of(file.path(), file.size(), partSize).equals(Etags.normalize(etag)))
						.subscribeOn(Schedulers.boundedElastic());
			case OVERWRITE -> Mono.just(false);
		};
	}

	/**
	 * One file as planned.
	 *
	 * @param file the local file
	 * @param path its path inside the stage or volume
	 * @param key its object key
	 * @param partSize its part size
	 * @param skip whether the skip policy skips it
	 */
	record PlannedFile(SourceFile file, String path, String key, long partSize, boolean skip) {
	}

	/** An existing object of the target directory. */
	private record Remote(long size, @Nullable String etag) {
	}

}
