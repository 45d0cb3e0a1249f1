package dev.stagekit.client.upload.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import dev.stagekit.client.Kind;
import dev.stagekit.client.internal.ControlPlane;
import dev.stagekit.client.upload.ReactiveStageFileManager;
import dev.stagekit.client.upload.ReactiveVolumeFileManager;
import dev.stagekit.client.upload.SkipPolicy;
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
 * {@link StorageRetry}. Each upload (or {@link TreeSessions#uploadEach batch}) gets its own credentials session
 * ({@link UploadSessions}); nothing else is created per upload. What a stage or volume already holds is read
 * through {@link StoredFiles}.
 *
 * <p>Public because {@link dev.stagekit.client.upload.FileManagers} builds it; not an API.
 *
 * @since 0.1.0
 */
public final class UploadEngine implements AutoCloseable {

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

	private final UploadSettings settings;

	private final UploadObserver observer;

	private final StorageClients clients;

	private final UploadSessions sessions;

	private final TreeSessions treeSessions;

	private final StreamUpload streams;

	private final StoredFiles stored;

	private UploadEngine(ControlPlane controlPlane, UploadSettings settings, StorageClients clients,
			UploadObserver observer) {
		this.settings = settings;
		this.observer = observer;
		this.clients = clients;
		// The rooms of the pipeline, each built once: planner -> tree or stream upload -> one multipart uploader.
		StorageRetry retry = new StorageRetry(settings.retry());
		MultipartUpload uploader = new MultipartUpload(retry, new Checksums(settings.checksum()),
				settings.partConcurrency(), settings.fileConcurrency());
		ObjectListing listing = new ObjectListing(retry);
		ResumableUpload resumable = new ResumableUpload(uploader, new Checkpoints(settings.checkpointDirectory()));
		this.sessions = new UploadSessions(controlPlane, clients);
		this.treeSessions = new TreeSessions(settings, observer, this.sessions, listing, new TreePlanner(),
				new TreeUpload(uploader, resumable, settings.fileConcurrency()));
		this.streams = new StreamUpload(uploader);
		this.stored = new StoredFiles(this.sessions, listing, resumable);
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
				Mono<UploadResult> work = this.sessions.one(kind, name, target, (session, local) -> this.treeSessions.tree(session,
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

	/** Upload a stream of buffers (released here) to one file; {@code length} is checked when given. */
	Mono<UploadResult> upload(Kind kind, String name, Publisher<DataBuffer> content, String targetFile,
			@Nullable Long length) {
		Mono<UploadResult> upload = Mono.defer(() -> {
			String[] split = StreamUpload.split(targetFile); // directory, file name
			long partSize = StreamUpload.partSize(length, this.settings.partSize());
			ProgressTracker tracker = new ProgressTracker(1, (length != null) ? length : 0);
			return this.sessions.one(kind, name, split[0], (session, local) -> session.lease()
				.flatMap((lease) -> this.streams.upload(new UploadPlan(kind, name, split[0], lease.apply(),
						SkipPolicy.OVERWRITE, null, false, session, local, tracker), content, split[1], length, partSize)));
		});
		return Mono.defer(() -> {
			UploadObserver.Observation observation = this.observer.start(kind, name, targetFile);
			return upload.doOnNext(observation::succeeded).doOnError(observation::failed).doOnCancel(observation::cancelled);
		});
	}

	Flux<UploadResult> uploadEach(Kind kind, String name, Publisher<Path> sources, String targetPath) {
		return this.treeSessions.uploadEach(kind, name, sources, targetPath);
	}

	StoredFiles stored() {
		return this.stored;
	}

	@Override
	public void close() {
		this.sessions.awaitCancelled(CLOSE_TIMEOUT);
		this.clients.close();
	}

}
