package dev.stagekit.client.upload.internal;

import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.stagekit.client.upload.SkipPolicy;
import dev.stagekit.client.upload.internal.SourceScanner.SourceFile;
import dev.stagekit.client.upload.internal.SourceScanner.Summary;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Plans a tree upload: walks the source (lazily, in S3 key order), holds the limits against what is really
 * sent, and decides for each file its key, its part size and whether the skip policy skips it. The decision
 * merges two sorted streams, the walk and the {@link ObjectListing} of the target directory (both in UTF-8
 * byte order, {@link KeyOrder}; read on a thread that may block), so memory stays bounded by one listing page whatever the number of files and
 * objects; listing stops as soon as every local key is decided. The planned files flow on to
 * {@link TreeUpload}.
 */
final class TreePlanner {

	private static final Logger logger = LoggerFactory.getLogger(TreePlanner.class);

	/**
	 * The planned files, in the order of the walk.
	 * @param plan the upload
	 * @param source the local files, in S3 key order
	 * @param summary the source's totals as first counted
	 * @param stored the objects under the target directory, in key order (read only when the skip policy needs
	 * them, lazily, and no further than the last local key)
	 * @return the planned files
	 */
	Flux<PlannedFile> plan(UploadPlan plan, Iterable<SourceFile> source, Summary summary, Iterable<S3Object> stored) {
		AtomicLong files = new AtomicLong();
		AtomicLong bytes = new AtomicLong();
		AtomicLong sentFiles = new AtomicLong();
		AtomicLong sentBytes = new AtomicLong();
		return decide(plan, source, stored).doOnNext((planned) -> {
			// The limits are checked again as the tree is walked, since it may have grown; against what is sent.
			long count = files.incrementAndGet();
			long total = bytes.addAndGet(planned.file().size());
			if (count > summary.files() || total > summary.bytes()) {
				plan.tracker().expect(Math.max(count, summary.files()), Math.max(total, summary.bytes()));
			}
			if (!planned.skip()) {
				Limits.check(plan.apply(), sentFiles.incrementAndGet(), sentBytes.addAndGet(planned.file().size()),
						count - sentFiles.get(), plan.policy());
			}
		});
	}

	/**
	 * Check the limits before anything is sent. When the whole source fits, nothing is listed; otherwise, with a
	 * skip policy, the files that would really be sent are counted in a first merge of the walk and the listing.
	 * @param plan the upload
	 * @param source the local files, in S3 key order
	 * @param summary the source's totals
	 * @param stored lists the target directory
	 * @return completes if the upload fits, else errors with an {@code UploadLimitExceededException}
	 */
	Mono<Void> checkLimits(UploadPlan plan, Iterable<SourceFile> source, Summary summary,
			Supplier<Iterable<S3Object>> stored) {
		if (Limits.fits(plan.apply(), summary.files(), summary.bytes()) || plan.policy() == SkipPolicy.OVERWRITE) {
			return Mono.fromRunnable(() -> Limits.check(plan.apply(), summary.files(), summary.bytes()));
		}
		long[] sent = new long[2];
		return decide(plan, source, stored.get()).filter((planned) -> !planned.skip()).doOnNext((planned) -> {
			sent[0]++;
			sent[1] += planned.file().size();
		}).then(Mono.fromRunnable(() -> Limits.check(plan.apply(), sent[0], sent[1], summary.files() - sent[0],
				plan.policy())));
	}

	private Flux<PlannedFile> decide(UploadPlan plan, Iterable<SourceFile> source, Iterable<S3Object> stored) {
		Flux<Match> matches = (plan.policy() == SkipPolicy.OVERWRITE)
				? Flux.fromIterable(source).map((file) -> new Match(file, plan.target() + file.relativePath(), null))
				: Flux.fromIterable(() -> new MergeJoin(plan, source.iterator(), stored.iterator()));
		return matches.subscribeOn(Schedulers.boundedElastic()).concatMap((match) -> {
			SourceFile file = match.file();
			String key = plan.keyOf(match.path());
			long partSize = PartSizes.choose(file.size(), plan.partSize());
			return skip(plan.policy(), file, match.remote(), partSize)
				.map((skip) -> new PlannedFile(file, match.path(), key, partSize, skip));
		});
	}

	/** Whether the policy skips a file, given the object stored under its key (if any). */
	static Mono<Boolean> skip(SkipPolicy policy, SourceFile file, @Nullable S3Object remote, long partSize) {
		if (remote == null) {
			return Mono.just(false);
		}
		Long size = remote.size();
		boolean sameSize = size != null && size == file.size();
		String etag = remote.eTag();
		return switch (policy) {
			case SKIP_IF_EXISTS -> Mono.just(true);
			case SKIP_IF_SAME_SIZE -> Mono.just(sameSize);
			case SKIP_IF_SAME_SIZE_AND_MTIME -> Mono.just(sameSize && notModifiedSince(file, remote.lastModified()));
			case SKIP_IF_SAME_CHECKSUM -> (!sameSize || etag == null) ? Mono.just(false)
					: Mono.fromCallable(() -> Etags.of(file.path(), file.size(), partSize).equals(Etags.normalize(etag)))
						.subscribeOn(Schedulers.boundedElastic());
			case OVERWRITE -> Mono.just(false);
		};
	}

	private static boolean notModifiedSince(SourceFile file, @Nullable Instant stored) {
		return stored != null && file.lastModified().toMillis() <= stored.toEpochMilli();
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

	/** A local file and the object stored under its key, if any. */
	private record Match(SourceFile file, String path, @Nullable S3Object remote) {
	}

	/**
	 * Merges the walk and the listing, both in key order: each local key is matched with the object of the same
	 * key, objects without a local file are passed over, and nothing further is read from the listing once the
	 * walk ends. Holds one object at a time.
	 */
	private static final class MergeJoin implements Iterator<Match> {

		private final UploadPlan plan;

		private final Iterator<SourceFile> files;

		private final Iterator<S3Object> objects;

		private @Nullable S3Object pending;

		private @Nullable String previous;

		private @Nullable String lastListed;

		private boolean disordered;

		private void checkListingOrder(String listed) {
			String last = this.lastListed;
			if (last != null && !this.disordered && KeyOrder.compare(last, listed) >= 0) {
				// A store that lists in another order makes matches be missed: those files are sent again,
				// which loses nothing, but the skip policy saves less.
				this.disordered = true;
				logger.warn("The object store lists '{}' after '{}', not in S3's UTF-8 byte order; files whose objects"
						+ " are missed this way are uploaded again", listed, last);
			}
			this.lastListed = listed;
		}

		MergeJoin(UploadPlan plan, Iterator<SourceFile> files, Iterator<S3Object> objects) {
			this.plan = plan;
			this.files = files;
			this.objects = objects;
		}

		@Override
		public boolean hasNext() {
			return this.files.hasNext();
		}

		@Override
		public Match next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			SourceFile file = this.files.next();
			String path = this.plan.target() + file.relativePath();
			String key = this.plan.keyOf(path);
			if (this.previous != null && KeyOrder.compare(this.previous, key) >= 0) {
				throw new IllegalStateException("The walk is not in S3 key order: '" + key + "' after '"
						+ this.previous + "'");
			}
			this.previous = key;
			while (true) {
				S3Object object = this.pending;
				if (object == null) {
					if (!this.objects.hasNext()) {
						return new Match(file, path, null);
					}
					object = this.objects.next();
					checkListingOrder(object.key());
				}
				int order = KeyOrder.compare(object.key(), key);
				if (order < 0) {
					this.pending = null;
				}
				else if (order == 0) {
					this.pending = null;
					return new Match(file, path, object);
				}
				else {
					this.pending = object;
					return new Match(file, path, null);
				}
			}
		}

	}

}
