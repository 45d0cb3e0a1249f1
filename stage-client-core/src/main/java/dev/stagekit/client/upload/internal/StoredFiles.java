package dev.stagekit.client.upload.internal;

import dev.stagekit.client.Kind;
import dev.stagekit.client.upload.PendingUpload;
import dev.stagekit.client.upload.SkipPolicy;
import dev.stagekit.client.upload.StoredFile;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a stage or volume already holds: its files (listed with {@code apply} credentials, page by page) and the
 * resumable uploads that did not finish (from local checkpoints), which can be discarded.
 */
final class StoredFiles {

	private final UploadSessions sessions;

	private final ObjectListing listing;

	private final ResumableUpload resumable;

	StoredFiles(UploadSessions sessions, ObjectListing listing, ResumableUpload resumable) {
		this.sessions = sessions;
		this.listing = listing;
		this.resumable = resumable;
	}

	/** The files under a directory, in key order, paths relative to the stage or volume root. */
	Flux<StoredFile> list(Kind kind, String name, String path) {
		return Flux.defer(() -> {
			String directory = TargetPaths.normalize(path);
			return this.sessions.many(kind, name, directory, (session, local) -> session.lease().flatMapMany((lease) -> {
				UploadPlan plan = new UploadPlan(kind, name, directory, lease.apply(), SkipPolicy.OVERWRITE, null, false,
						session, local, new ProgressTracker(0, 0));
				String prefix = lease.apply().prefix();
				return this.listing.under(plan, "")
					.filter((object) -> object.key().startsWith(prefix))
					.map((object) -> new StoredFile(object.key().substring(prefix.length()),
							(object.size() != null) ? object.size() : 0, object.lastModified(), object.eTag()));
			}));
		});
	}

	/** The resumable uploads of a stage or volume that did not finish. */
	Flux<PendingUpload> pending(Kind kind, String name) {
		return this.resumable.pending(kind, name);
	}

	/** Abort a pending upload's multipart upload and delete its checkpoint. */
	Mono<Void> discard(Kind kind, String name, PendingUpload pending) {
		return Mono.defer(() -> {
			String target = TargetPaths.normalize(pending.targetDirectory());
			return this.sessions.one(kind, name, target, (session, local) -> session.lease()
				.flatMap((lease) -> this.resumable.discard(new UploadPlan(kind, name, target, lease.apply(),
						SkipPolicy.OVERWRITE, null, true, session, local, new ProgressTracker(0, 0)), pending)
					.thenReturn(Boolean.TRUE)))
				.then();
		});
	}

}
