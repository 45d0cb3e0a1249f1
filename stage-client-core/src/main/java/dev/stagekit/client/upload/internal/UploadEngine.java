package dev.stagekit.client.upload.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.stagekit.client.Kind;
import dev.stagekit.client.internal.ApplyResult;
import dev.stagekit.client.internal.ControlPlane;
import dev.stagekit.client.upload.PendingUpload;
import dev.stagekit.client.upload.ReactiveStageFileManager;
import dev.stagekit.client.upload.ReactiveVolumeFileManager;
import dev.stagekit.client.upload.SkipPolicy;
import dev.stagekit.client.upload.StoredFile;
import dev.stagekit.client.upload.UploadObserver;
import dev.stagekit.client.upload.UploadProgress;
import dev.stagekit.client.upload.UploadProgressListener;
import dev.stagekit.client.upload.UploadRequest;
import dev.stagekit.client.upload.UploadResult;
import dev.stagekit.client.upload.UploadSettings;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * The one upload engine behind every stage and volume file manager; a facade over the upload pipeline.
 * A tree goes through the {@link TreePlanner} (scan, limits, skip decision) into a {@link TreeUpload}; a
 * stream into a {@link StreamUpload}; both send through the one {@link MultipartUpload} (resumable through
 * {@link ResumableUpload}) on clients from {@link StorageClients}, each request retried by
 * {@link StorageRetry}. Each upload gets its own credentials session; nothing else is created per upload.
 *
 * <p>Public because {@link dev.stagekit.client.upload.FileManagers} builds it; not an API.
 *
 * @since 0.1.0
 */
public final class UploadEngine implements AutoCloseable {

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

	private final ControlPlane controlPlane;

	private final UploadSettings settings;

	private final UploadObserver observer;

	private final StorageClients clients;

	private final ObjectListing listing;

	private final TreePlanner planner;

	private final TreeUpload trees;

	private final StreamUpload streams;

	private final ResumableUpload resumable;

	private final Cleanups cleanups = new Cleanups();

	private UploadEngine(ControlPlane controlPlane, UploadSettings settings, StorageClients clients,
			UploadObserver observer) {
		this.controlPlane = controlPlane;
		this.settings = settings;
		this.observer = observer;
		this.clients = clients;
		// The rooms of the pipeline, each built once: planner -> tree or stream upload -> one multipart uploader.
		StorageRetry retry = new StorageRetry(settings.retry());
		MultipartUpload uploader = new MultipartUpload(retry, new Checksums(settings.checksum()),
				settings.partConcurrency(), settings.fileConcurrency());
		this.listing = new ObjectListing(retry);
		this.planner = new TreePlanner();
		this.resumable = new ResumableUpload(uploader, new Checkpoints(settings.checkpointDirectory()));
		this.trees = new TreeUpload(uploader, this.resumable, settings.fileConcurrency());
		this.streams = new StreamUpload(uploader);
	}

	/**
	 * Create the engine; its shared resources are created with the first upload.
	 * @param controlPlane the control plane (for {@code apply})
	 * @param settings the settings
	 * @param httpCustomizers customize the shared Netty HTTP client, in order
	 * @param s3Customizers customize every S3 client, in order, after the engine's settings
	 * @param observer observes every upload
	 * @return the engine
	 */
	public static UploadEngine create(ControlPlane controlPlane, UploadSettings settings,
			List<Consumer<NettyNioAsyncHttpClient.Builder>> httpCustomizers,
			List<Consumer<S3AsyncClientBuilder>> s3Customizers, UploadObserver observer) {
		StorageClients clients = new StorageClients(settings, httpCustomizers, s3Customizers, null, Clock.systemUTC());
		return new UploadEngine(controlPlane, settings, clients, observer);
	}

	/** @return the settings */
	public UploadSettings settings() {
		return this.settings;
	}

	/**
	 * Return a manager for a volume.
	 * @param name the volume name (checked)
	 * @return the manager
	 */
	public ReactiveVolumeFileManager volume(String name) {
		return EngineFileManager.volume(this, ControlPlane.checkName(Kind.VOLUME, name));
	}

	/**
	 * Return a manager for a stage.
	 * @param name the stage name (checked)
	 * @return the manager
	 */
	public ReactiveStageFileManager stage(String name) {
		return EngineFileManager.stage(this, ControlPlane.checkName(Kind.STAGE, name));
	}

	/** Upload a file or directory tree; lazy, and cancelling cancels the upload (aborting what it started). */
	Flux<UploadProgress> upload(Kind kind, String name, UploadRequest request) {
		Flux<UploadProgress> events = Flux.defer(() -> {
			String target = TargetPaths.normalize(request.targetPath());
			Long requested = request.partSize();
			Long partSize = (requested != null) ? Long.valueOf(PartSizes.check(requested)) : this.settings.partSize();
			SourceScanner scanner = SourceScanner.of(request.source());
			return Mono.fromCallable(scanner::summarize).subscribeOn(Schedulers.boundedElastic()).flatMapMany((summary) -> {
				PartSizes.choose(summary.largest(), partSize);
				ProgressTracker tracker = new ProgressTracker(summary.files(), summary.bytes());
				SkipPolicy policy = Objects.requireNonNullElse(request.skipPolicy(), this.settings.skipPolicy());
				boolean resumable = Objects.requireNonNullElse(request.resumable(), this.settings.resumable());
				Mono<UploadResult> work = inSession(kind, name, target, (session, local) -> tree(session,
						(apply) -> new UploadPlan(kind, name, target, apply, policy, partSize, resumable, session, local,
								tracker),
						scanner, summary, request.source()));
				return tracker.report(work, this.settings.progressInterval());
			});
		});
		UploadProgressListener listener = request.progressListener();
		Flux<UploadProgress> listened = (listener != null) ? events.doOnNext(listener::onProgress) : events;
		return Flux.defer(() -> {
			UploadObserver.Observation observation = this.observer.start(kind, name, request.targetPath());
			return listened.doOnNext((progress) -> {
				if (progress.result() != null) {
					observation.succeeded(progress.result());
				}
			}).doOnError(observation::failed).doOnCancel(observation::cancelled);
		});
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
			return inSessionMany(kind, name, target, (session, local) -> Flux.from(sources)
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
	 * Upload one scanned tree with the session's current credentials: keys and limits checked (on what will be
	 * sent), then planned and sent. A single file lists only its own key; a tree its target directory.
	 */
	private Mono<UploadResult> tree(StorageSession session, Function<ApplyResult, UploadPlan> plans,
			SourceScanner scanner, SourceScanner.Summary summary, Path source) {
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

	/** Upload a stream of buffers (released here) to one file; {@code length} is checked when given. */
	Mono<UploadResult> upload(Kind kind, String name, Publisher<DataBuffer> content, String targetFile,
			@Nullable Long length) {
		Mono<UploadResult> upload = Mono.defer(() -> {
			String[] split = StreamUpload.split(targetFile); // directory, file name
			long partSize = StreamUpload.partSize(length, this.settings.partSize());
			ProgressTracker tracker = new ProgressTracker(1, (length != null) ? length : 0);
			return inSession(kind, name, split[0], (session, local) -> session.lease()
				.flatMap((lease) -> this.streams.upload(new UploadPlan(kind, name, split[0], lease.apply(),
						SkipPolicy.OVERWRITE, null, false, session, local, tracker), content, split[1], length, partSize)));
		});
		return Mono.defer(() -> {
			UploadObserver.Observation observation = this.observer.start(kind, name, targetFile);
			return upload.doOnNext(observation::succeeded).doOnError(observation::failed).doOnCancel(observation::cancelled);
		});
	}

	/** The resumable uploads of a stage or volume that did not finish. */
	Flux<PendingUpload> pendingUploads(Kind kind, String name) {
		return this.resumable.pending(kind, name);
	}

	/** Abort a pending upload's multipart upload and delete its checkpoint. */
	Mono<Void> discard(Kind kind, String name, PendingUpload pending) {
		return Mono.defer(() -> {
			String target = TargetPaths.normalize(pending.targetDirectory());
			return inSession(kind, name, target, (session, local) -> session.lease()
				.flatMap((lease) -> this.resumable.discard(new UploadPlan(kind, name, target, lease.apply(),
						SkipPolicy.OVERWRITE, null, true, session, local, new ProgressTracker(0, 0)), pending)
					.thenReturn(Boolean.TRUE)))
				.then();
		});
	}

	/**
	 * List the files under a directory of a stage or volume with {@code apply} credentials, page by page.
	 * @param kind stage or volume
	 * @param name the stage or volume name
	 * @param path the directory ({@code ""} for the root)
	 * @return the files, in key order, paths relative to the stage or volume root
	 */
	Flux<StoredFile> list(Kind kind, String name, String path) {
		return Flux.defer(() -> {
			String directory = TargetPaths.normalize(path);
			return inSessionMany(kind, name, directory, (session, local) -> session.lease().flatMapMany((lease) -> {
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

	/** Run an upload in its own credentials session; the session closes once its aborts are done. */
	private <R> Mono<R> inSession(Kind kind, String name, String target,
			BiFunction<StorageSession, Cleanups, Mono<R>> body) {
		return inSessionMany(kind, name, target, body).singleOrEmpty();
	}

	/** Run uploads in one credentials session; the session closes once their aborts are done. */
	private <T> Flux<T> inSessionMany(Kind kind, String name, String target,
			BiFunction<StorageSession, Cleanups, ? extends Publisher<T>> body) {
		return Flux.usingWhen(Mono.fromSupplier(() -> new Scope(
				this.clients.session(() -> this.controlPlane.apply(kind, name, target)), new Cleanups())),
				(scope) -> body.apply(scope.session(), scope.local()), Scope::close, (scope, error) -> scope.close(),
				(scope) -> {
					this.cleanups.start(scope.close());
					return Mono.empty();
				});
	}

	@Override
	public void close() {
		this.cleanups.awaitAll(CLOSE_TIMEOUT);
		this.clients.close();
	}

	/** The session of one upload and the aborts it started after a cancellation. */
	private record Scope(StorageSession session, Cleanups local) {

		Mono<Void> close() {
			return this.local.awaitAll().then(Mono.fromRunnable(this.session::close));
		}

	}

}
