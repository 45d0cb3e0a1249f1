package dev.stagekit.client.upload.internal;

import dev.stagekit.client.Kind;
import dev.stagekit.client.upload.OpenUpload;
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
				UploadPlan plan = plan(kind, name, directory, lease.apply(), session, local);
				String prefix = lease.apply().prefix();
				return this.listing.under(plan, "")
					.filter((object) -> object.key().startsWith(prefix))
					.map((object) -> new StoredFile(object.key().substring(prefix.length()),
							(object.size() != null) ? object.size() : 0, object.lastModified(), object.eTag()));
			}));
		});
	}

	/** The multipart uploads left open under a directory, in key order. */
	Flux<OpenUpload> openUploads(Kind kind, String name, String path) {
		return Flux.defer(() -> {
			String directory = TargetPaths.normalize(path);
			return this.sessions.many(kind, name, directory, (session, local) -> session.lease().flatMapMany((lease) -> {
				UploadPlan plan = plan(kind, name, directory, lease.apply(), session, local);
				String prefix = lease.apply().prefix();
				return this.listing.openUploads(plan)
					.filter((upload) -> upload.key().startsWith(prefix))
					.map((upload) -> new OpenUpload(upload.key().substring(prefix.length()), upload.key(),
							upload.uploadId(), upload.initiated()));
			}));
		});
	}

	/** Abort an open multipart upload; one already gone (404) counts as aborted. */
	Mono<Void> abort(Kind kind, String name, OpenUpload upload) {
		return Mono.defer(() -> {
			String directory = TargetPaths.normalize(upload.path().substring(0, upload.path().lastIndexOf('/') + 1));
			return this.sessions.one(kind, name, directory, (session, local) -> session.lease()
				.flatMap((lease) -> this.resumable.abort(plan(kind, name, directory, lease.apply(), session, local),
						upload.key(), upload.uploadId()).thenReturn(Boolean.TRUE)))
				.then();
		});
	}

	private static UploadPlan plan(Kind kind, String name, String directory, dev.stagekit.client.internal.ApplyResult apply,
			StorageSession session, Cleanups local) {
		return new UploadPlan(kind, name, directory, apply, SkipPolicy.OVERWRITE, null, false, session, local,
				new ProgressTracker(0, 0));
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
