package dev.stagekit.client.upload.internal;

import java.nio.file.Path;
import java.util.function.Function;

import dev.stagekit.client.Kind;
import dev.stagekit.client.internal.ApplyResult;
import dev.stagekit.client.upload.UploadObserver;
import dev.stagekit.client.upload.UploadResult;
import dev.stagekit.client.upload.UploadSettings;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Scanned trees in a credentials session: each one's keys and limits checked (on what will be sent), then
 * planned ({@link TreePlanner}) and sent ({@link TreeUpload}); several sources can share one session.
 */
final class TreeSessions {

	private final UploadSettings settings;

	private final UploadObserver observer;

	private final UploadSessions sessions;

	private final ObjectListing listing;

	private final TreePlanner planner;

	private final TreeUpload trees;

	TreeSessions(UploadSettings settings, UploadObserver observer, UploadSessions sessions, ObjectListing listing,
			TreePlanner planner, TreeUpload trees) {
		this.settings = settings;
		this.observer = observer;
		this.sessions = sessions;
		this.listing = listing;
		this.planner = planner;
		this.trees = trees;
	}

	/**
	 * Upload several sources, one after the other as they arrive, in ONE credentials session (renewed as
	 * usual): each source lands under the target keeping its name (a file as {@code target/name}, a directory
	 * as {@code target/name/...}), its limits checked on its own. A failure cancels what is in flight (aborting
	 * its multipart uploads) and ends the flux with the error once those aborts are done.
	 */
	Flux<UploadResult> uploadEach(Kind kind, String name, Publisher<Path> sources, String targetPath) {
		return Flux.defer(() -> {
			String target = TargetPaths.normalize(targetPath);
			return this.sessions.many(kind, name, target, (session, local) -> Flux.from(sources)
				.flatMapSequential((source) -> Mono.fromCallable(() -> SourceScanner.of(source))
					.subscribeOn(Schedulers.boundedElastic())
					.flatMap((scanner) -> {
						String into = scanner.isDirectory() ? target + source.getFileName() + "/" : target;
						UploadObserver.Observation observation = this.observer.start(kind, name, into);
						SourceScanner.Summary summary = scanner.summarize();
						PartSizes.choose(summary.largest(), this.settings.partSize());
						ProgressTracker tracker = new ProgressTracker(summary.files(), summary.bytes());
						return tree(session, (apply) -> new UploadPlan(kind, name, into, apply,
								this.settings.skipPolicy(), this.settings.partSize(), this.settings.resumable(), session,
								local, tracker), scanner, summary, source)
							.doOnNext(observation::succeeded)
							.doOnError(observation::failed)
							.doOnCancel(observation::cancelled);
					}), this.settings.fileConcurrency(), 1));
		});
	}

	/**
	 * Upload one scanned tree with the session's current credentials. A single file lists only its own key; a
	 * tree its target directory.
	 */
	Mono<UploadResult> tree(StorageSession session, Function<ApplyResult, UploadPlan> plans, SourceScanner scanner,
			SourceScanner.Summary summary, Path source) {
		return session.lease().flatMap((lease) -> {
			UploadPlan plan = plans.apply(lease.apply());
			UploadKeys.checkLength(lease.apply().prefix() + plan.target() + scanner.longestPath(),
					plan.target() + scanner.longestPath());
			String within = scanner.isDirectory() ? "" : source.getFileName().toString();
			return this.planner.checkLimits(plan, scanner, summary, () -> this.listing.blocking(plan, within))
				.then(this.trees.upload(plan,
						this.planner.plan(plan, scanner, summary, this.listing.blocking(plan, within))));
		});
	}

}
