package dev.stagekit.client.upload.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.stagekit.client.ApplyResult;
import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.StorageLocation;
import dev.stagekit.client.ZillizCloudException;
import dev.stagekit.client.internal.ControlPlaneClient;
import dev.stagekit.client.internal.ResourceKind;
import dev.stagekit.client.internal.SecretSafeLogging;
import dev.stagekit.client.upload.SkipPolicy;
import dev.stagekit.client.upload.SourceChangedException;
import dev.stagekit.client.upload.UploadChecksum;
import dev.stagekit.client.upload.UploadLimitExceededException;
import dev.stagekit.client.upload.UploadObserver;
import dev.stagekit.client.upload.UploadProgress;
import dev.stagekit.client.upload.UploadProgressListener;
import dev.stagekit.client.upload.UploadRequest;
import dev.stagekit.client.upload.UploadResult;
import dev.stagekit.client.upload.UploadSettings;
import dev.stagekit.client.upload.UploadedObject;
import dev.stagekit.client.upload.internal.SourceScanner.SourceFile;
import dev.stagekit.client.upload.internal.SourceScanner.Summary;
import dev.stagekit.client.upload.internal.StorageSession.Lease;
import dev.stagekit.client.upload.internal.StreamChunker.Chunk;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * The one upload engine behind every stage and volume file manager. Owns the shared resources (one
 * Netty HTTP client and connection pool, one timer, one completion executor); each upload gets its own
 * credentials session and S3 client on top of them, so nothing is created per file or per call beyond a
 * lightweight client object.
 *
 * <p>A file no larger than its part size goes in one {@code PutObject}; a larger one in a multipart
 * upload whose parts are sent and retried one by one. Every request carries a checksum the store
 * verifies. A multipart upload that fails or is cancelled is aborted, and a failure is reported only once
 * those aborts are done.
 */
public final class UploadEngine implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(UploadEngine.class);

	private static final long STREAM_PART_SIZE = 8 * PartSizes.MIB;

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

	private final ControlPlaneClient controlPlane;

	private final UploadSettings settings;

	private final List<Consumer<S3AsyncClientBuilder>> s3Customizers;

	private final List<Consumer<NettyNioAsyncHttpClient.Builder>> httpCustomizers;

	private final Object lock = new Object();

	private volatile @Nullable Resources resources;

	private boolean closed;

	private final StorageCalls calls;

	private final Cleanups cleanups = new Cleanups();

	private final Checkpoints checkpoints;

	private final Function<String, Mono<Integer>> probe;

	private final Clock clock;

	private final UploadObserver observer;

	/**
	 * Create the engine and its shared resources.
	 * @param controlPlane the control-plane client (for {@code apply})
	 * @param settings the settings
	 * @param httpCustomizers customize the shared Netty HTTP client, in order
	 * @param s3Customizers customize every S3 client, in order
	 * @param observer observes every upload
	 */
	public UploadEngine(ControlPlaneClient controlPlane, UploadSettings settings,
			List<Consumer<NettyNioAsyncHttpClient.Builder>> httpCustomizers,
			List<Consumer<S3AsyncClientBuilder>> s3Customizers, UploadObserver observer) {
		this(controlPlane, settings, httpCustomizers, s3Customizers, observer, UploadEngine::probe,
				Clock.systemUTC());
	}

	UploadEngine(ControlPlaneClient controlPlane, UploadSettings settings,
			List<Consumer<NettyNioAsyncHttpClient.Builder>> httpCustomizers,
			List<Consumer<S3AsyncClientBuilder>> s3Customizers, UploadObserver observer,
			Function<String, Mono<Integer>> probe, Clock clock) {
		this.controlPlane = controlPlane;
		this.observer = observer;
		this.settings = settings;
		this.s3Customizers = List.copyOf(s3Customizers);
		this.probe = probe;
		this.clock = clock;
		this.calls = new StorageCalls(settings);
		this.checkpoints = new Checkpoints(settings.checkpointDirectory());
		this.httpCustomizers = List.copyOf(httpCustomizers);
	}

	/**
	 * Return the settings.
	 * @return the settings
	 */
	public UploadSettings settings() {
		return this.settings;
	}

	/**
	 * Upload a file or directory tree; nothing happens until the returned flux is subscribed, and
	 * cancelling it cancels the upload (started multipart uploads are aborted).
	 * @param kind stage or volume
	 * @param name the stage or volume name
	 * @param request the request
	 * @return throttled progress events, the last one carrying the result
	 */
	public Flux<UploadProgress> upload(ResourceKind kind, String name, UploadRequest request) {
		Flux<UploadProgress> events = Flux.defer(() -> {
			String target = TargetPaths.normalize(request.targetPath());
			SkipPolicy policy = Objects.requireNonNullElse(request.skipPolicy(), this.settings.skipPolicy());
			boolean resumable = Objects.requireNonNullElse(request.resumable(), this.settings.resumable());
			long partSize = (request.partSize() != null) ? checkedPartSize(request.partSize())
					: this.settings.partSize();
			SourceScanner scanner = SourceScanner.of(request.source());
			return Mono.fromCallable(scanner::summarize).subscribeOn(Schedulers.boundedElastic()).flatMapMany((summary) -> {
				PartSizes.choose(summary.largest(), partSize);
				ProgressTracker tracker = new ProgressTracker(summary.files(), summary.bytes());
				Mono<UploadResult> work = withSession(kind, name, target, (session, local) -> session.lease()
					.flatMap((lease) -> {
						checkLimits(lease.apply(), summary.files(), summary.bytes());
						Plan plan = new Plan(kind, name, target, lease.apply(), policy, partSize, resumable,
								session, local, tracker);
						return remoteObjects(plan).flatMap((remote) -> uploadAll(plan, scanner, summary, remote));
					}));
				return tracker.report(work, this.settings.progressInterval());
			});
		});
		UploadProgressListener listener = request.progressListener();
		Flux<UploadProgress> listened = (listener != null) ? events.doOnNext(listener::onProgress) : events;
		return Flux.defer(() -> {
			UploadObserver.Observation observation = this.observer.start(kind.storageKind(), name,
					request.targetPath());
			return listened.doOnNext((progress) -> {
				if (progress.result() != null) {
					observation.succeeded(progress.result());
				}
			}).doOnError(observation::failed).doOnCancel(observation::cancelled);
		});
	}

	/**
	 * Upload a stream of buffers to one object without a temporary file. Parts are cut from the stream
	 * and held in memory one part per concurrent request.
	 * @param kind stage or volume
	 * @param name the stage or volume name
	 * @param content the bytes; buffers are released here
	 * @param targetFile the file path inside the stage or volume, e.g. {@code data/rows.json}
	 * @param length the exact length if known (checked), else {@code null}
	 * @return the result
	 */
	public Mono<UploadResult> upload(ResourceKind kind, String name, Publisher<DataBuffer> content, String targetFile,
			@Nullable Long length) {
		return Mono.defer(() -> {
			UploadObserver.Observation observation = this.observer.start(kind.storageKind(), name, targetFile);
			return stream(kind, name, content, targetFile, length).doOnNext(observation::succeeded)
				.doOnError(observation::failed)
				.doOnCancel(observation::cancelled);
		});
	}

	private Mono<UploadResult> stream(ResourceKind kind, String name, Publisher<DataBuffer> content, String targetFile,
			@Nullable Long length) {
		return Mono.defer(() -> {
			String[] split = splitFile(targetFile);
			String directory = split[0];
			String fileName = split[1];
			if (length != null && length < 0) {
				throw new InvalidRequestException("content length", length, "must not be negative");
			}
			long partSize = (length != null) ? PartSizes.choose(length, this.settings.partSize())
					: Math.max(this.settings.partSize(), STREAM_PART_SIZE);
			if (partSize > Integer.MAX_VALUE - 64) {
				throw new InvalidRequestException("part size", partSize,
						"parts of a stream are held in memory and must be smaller than 2 GiB");
			}
			long started = System.nanoTime();
			return withSession(kind, name, directory, (session, local) -> session.lease().flatMap((lease) -> {
				ApplyResult apply = lease.apply();
				if (length != null) {
					checkLimits(apply, 1, length);
				}
				String path = directory + fileName;
				String key = apply.prefix() + path;
				Plan plan = new Plan(kind, name, directory, apply, SkipPolicy.OVERWRITE, partSize, false, session, local,
						new ProgressTracker(1, (length != null) ? length : 0));
				StreamChunker chunker = new StreamChunker((int) partSize);
				Flux<Chunk> chunks = Flux.from(content)
					.concatMapIterable(chunker::accept)
					.concatWith(Mono.fromSupplier(chunker::finish))
					.doOnNext((chunk) -> checkStream(apply, chunker.total(), length))
					.doOnDiscard(DataBuffer.class, DataBufferUtils::release);
				Mono<Void> send = chunks.switchOnFirst((signal, flux) -> {
					Chunk first = signal.get();
					if (first == null) {
						return flux.then();
					}
					if (first.last()) {
						checkExactLength(chunker.total(), length);
						return putBytes(plan, key, first);
					}
					return multipart(plan, key, (uploadId) -> flux.index()
						.flatMapSequential((indexed) -> uploadPart(plan, key, uploadId,
								(int) (indexed.getT1() + 1), indexed.getT2()), this.settings.partConcurrency(), 1),
							() -> checkExactLength(chunker.total(), length));
				}).then();
				return send.then(Mono.fromCallable(() -> {
					long size = chunker.total();
					UploadedObject object = new UploadedObject(fileName, path, key, size, false);
					return new UploadResult(new StorageLocation(kind.storageKind(), name, directory), List.of(object),
							size, Duration.ofNanos(System.nanoTime() - started));
				}));
			}));
		});
	}

	@Override
	public void close() {
		Resources created;
		synchronized (this.lock) {
			this.closed = true;
			created = this.resources;
			this.resources = null;
		}
		if (created != null) {
			this.cleanups.awaitAll(CLOSE_TIMEOUT);
			created.close();
		}
	}

	/**
	 * The shared resources, created with the first upload so that an engine that never uploads costs nothing.
	 */
	private Resources resources() {
		Resources current = this.resources;
		if (current != null) {
			return current;
		}
		synchronized (this.lock) {
			if (this.closed) {
				throw new IllegalStateException("The upload engine is closed");
			}
			if (this.resources == null) {
				this.resources = Resources.create(this.settings, this.httpCustomizers);
			}
			return this.resources;
		}
	}

	private Mono<UploadResult> uploadAll(Plan plan, SourceScanner scanner, Summary summary,
			Map<String, Remote> remote) {
		AtomicLong files = new AtomicLong();
		AtomicLong bytes = new AtomicLong();
		return Flux.fromIterable(scanner)
			.subscribeOn(Schedulers.boundedElastic())
			.doOnNext((file) -> {
				// The tree may have grown since it was counted: the limits hold for what is really sent.
				long count = files.incrementAndGet();
				long total = bytes.addAndGet(file.size());
				if (count > summary.files() || total > summary.bytes()) {
					checkLimits(plan.apply(), count, total);
					plan.tracker().expect(Math.max(count, summary.files()), Math.max(total, summary.bytes()));
				}
			})
			.flatMapSequential((file) -> uploadFile(plan, file, remote), this.settings.fileConcurrency(), 1)
			.collectList()
			.map((objects) -> new UploadResult(new StorageLocation(plan.kind().storageKind(), plan.name(), plan.target()),
					objects, objects.stream().filter((object) -> !object.skipped()).mapToLong(UploadedObject::size).sum(),
					plan.tracker().elapsed()));
	}

	private Mono<UploadedObject> uploadFile(Plan plan, SourceFile file, Map<String, Remote> remote) {
		String path = plan.target() + file.relativePath();
		String key = plan.apply().prefix() + path;
		long partSize = PartSizes.choose(file.size(), plan.partSize());
		return skip(plan.policy(), file, remote.get(key), partSize).flatMap((skip) -> {
			if (skip) {
				plan.tracker().skipped(file.size());
				return Mono.just(new UploadedObject(file.relativePath(), path, key, file.size(), true));
			}
			plan.tracker().started(file.relativePath());
			Mono<Void> send;
			if (file.size() <= partSize) {
				send = putFile(plan, key, file);
			}
			else if (plan.resumable()) {
				send = resumableMultipart(plan, key, file, partSize);
			}
			else {
				int parts = (int) PartSizes.partCount(file.size(), partSize);
				send = multipart(plan, key, (uploadId) -> Flux.range(1, parts)
					.flatMapSequential((number) -> uploadPart(plan, key, uploadId, file, number, partSize),
							this.settings.partConcurrency(), 1),
						() -> unchanged(file));
			}
			return send.then(Mono.fromCallable(() -> {
				plan.tracker().completed();
				return new UploadedObject(file.relativePath(), path, key, file.size(), false);
			}));
		});
	}

	private Mono<Void> putFile(Plan plan, String key, SourceFile file) {
		AtomicLong attempt = new AtomicLong();
		return this.calls.call(plan.session(), "PutObject", key,
				(lease) -> lease.client().putObject((put) -> put.bucket(plan.apply().bucketName()).key(key)
					.contentLength(file.size())
					.contentType("application/octet-stream")
					.checksumAlgorithm(algorithm()), body(plan, file, 0, file.size(), attempt)),
				() -> plan.tracker().sent(-attempt.getAndSet(0)))
			.then();
	}

	private Mono<Void> putBytes(Plan plan, String key, Chunk chunk) {
		return this.calls.call(plan.session(), "PutObject", key,
				(lease) -> lease.client().putObject((put) -> put.bucket(plan.apply().bucketName()).key(key)
					.contentLength((long) chunk.length())
					.contentType("application/octet-stream")
					.checksumAlgorithm(algorithm()),
						AsyncRequestBody.fromRemainingByteBufferUnsafe(ByteBuffer.wrap(chunk.data(), 0, chunk.length()))),
				() -> {
				})
			.then();
	}

	private AsyncRequestBody body(Plan plan, SourceFile file, long position, long length, AtomicLong attempt) {
		attempt.set(0);
		return new FileSliceBody(file, position, length, (count) -> {
			attempt.addAndGet(count);
			plan.tracker().sent(count);
		});
	}

	/**
	 * Run a multipart upload: create it, send the parts, run a last check, complete it; abort it on any
	 * failure (awaited) or cancellation (tracked).
	 */
	private Mono<Void> multipart(Plan plan, String key, Function<String, Flux<CompletedPart>> parts,
			Runnable beforeComplete) {
		return multipart(plan, key, createUpload(plan, key), parts, beforeComplete,
				(uploadId, error) -> abort(plan, key, uploadId), (uploadId) -> Mono.empty());
	}

	private Mono<Void> multipart(Plan plan, String key, Mono<String> create,
			Function<String, Flux<CompletedPart>> parts, Runnable beforeComplete,
			BiFunction<String, Throwable, Mono<Void>> onError, Function<String, Mono<Void>> onSuccess) {
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

	/** Create a multipart upload; one created after its caller went away is aborted, not orphaned. */
	private Mono<String> createUpload(Plan plan, String key) {
		AtomicBoolean cancelled = new AtomicBoolean();
		return this.calls.call(plan.session(), "CreateMultipartUpload", key, (lease) -> {
			CompletableFuture<CreateMultipartUploadResponse> created = lease.client()
				.createMultipartUpload((request) -> request.bucket(plan.apply().bucketName()).key(key)
					.contentType("application/octet-stream")
					.checksumAlgorithm(algorithm()));
			created.whenComplete((response, ex) -> {
				if (response != null && cancelled.get()) {
					plan.local().start(abort(plan, key, response.uploadId()));
				}
			});
			return created.thenApply(CreateMultipartUploadResponse::uploadId);
		}, () -> {
		}).doOnCancel(() -> cancelled.set(true));
	}

	/**
	 * A multipart upload that keeps a checkpoint. If a checkpoint of the same source (path, size, modification
	 * time) and part size exists and its upload is still open, the parts the store holds are checked against
	 * the local bytes (MD5 against the part ETag) and kept; only the others are sent. A transient final
	 * failure keeps the upload and the checkpoint for the next attempt; anything else aborts and forgets them.
	 */
	private Mono<Void> resumableMultipart(Plan plan, String key, SourceFile file, long partSize) {
		int parts = (int) PartSizes.partCount(file.size(), partSize);
		Path checkpointFile = this.checkpoints.fileFor(plan.kind().name(), plan.name(), plan.apply().bucketName(),
				key);
		Checkpoints.Header header = new Checkpoints.Header(1, file.path().toAbsolutePath().toString(), file.size(),
				file.lastModified().toString(), partSize, "");
		return Mono.fromCallable(() -> this.checkpoints.read(checkpointFile))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((found) -> found.isPresent() ? resume(plan, key, file, header, found.get())
					: Mono.just(Resume.FRESH))
			.flatMap((resume) -> {
				Mono<String> create = (resume.uploadId() != null) ? Mono.just(resume.uploadId())
						: createUpload(plan, key).flatMap((uploadId) -> Mono
							.fromRunnable(() -> this.checkpoints.start(checkpointFile,
									new Checkpoints.Header(1, header.source(), header.size(), header.modified(),
											partSize, uploadId)))
							.subscribeOn(Schedulers.boundedElastic())
							.thenReturn(uploadId));
				Function<String, Flux<CompletedPart>> send = (uploadId) -> Flux.range(1, parts)
					.flatMapSequential((number) -> {
						CompletedPart stored = resume.stored().get(number);
						if (stored != null) {
							plan.tracker().sent(Math.min(partSize, file.size() - (number - 1) * partSize));
							return Mono.just(stored);
						}
						return uploadPart(plan, key, uploadId, file, number, partSize)
							.flatMap((completed) -> Mono.fromRunnable(() -> this.checkpoints.append(checkpointFile,
									new Checkpoints.Part(number, completed.eTag(), checksumOf(completed))))
								.subscribeOn(Schedulers.boundedElastic())
								.thenReturn(completed));
					}, this.settings.partConcurrency(), 1);
				BiFunction<String, Throwable, Mono<Void>> onError = (uploadId, error) -> {
					if (error instanceof ZillizCloudException failure && failure.isTransient()) {
						logger.info("Upload of '{}' interrupted; its stored parts and checkpoint are kept so that the"
								+ " same upload can resume", key);
						return Mono.empty();
					}
					return abort(plan, key, uploadId).then(forget(checkpointFile));
				};
				return multipart(plan, key, create, send, () -> unchanged(file), onError,
						(uploadId) -> forget(checkpointFile));
			});
	}

	private Mono<Resume> resume(Plan plan, String key, SourceFile file, Checkpoints.Header expected,
			Checkpoints.Checkpoint checkpoint) {
		Checkpoints.Header header = checkpoint.header();
		String uploadId = header.uploadId();
		boolean sameSource = header.source().equals(expected.source()) && header.size() == expected.size()
				&& header.modified().equals(expected.modified()) && header.partSize() == expected.partSize();
		if (!sameSource) {
			logger.info("The source of '{}' changed since its interrupted upload; starting over", key);
			return abort(plan, key, uploadId).then(forget(checkpoint.file())).thenReturn(Resume.FRESH);
		}
		return listParts(plan, key, uploadId).flatMap((listed) -> Mono.fromCallable(() -> {
			Map<Integer, CompletedPart> kept = new java.util.HashMap<>();
			for (Checkpoints.Part part : checkpoint.parts()) {
				Part stored = listed.get(part.number());
				long offset = (part.number() - 1) * header.partSize();
				long length = Math.min(header.partSize(), file.size() - offset);
				if (stored != null && stored.size() == length && Etags.normalize(stored.eTag())
					.equals(Etags.normalize(part.etag()))
						&& Etags.ofSlice(file.path(), offset, length).equals(Etags.normalize(part.etag()))) {
					kept.put(part.number(), withChecksum(CompletedPart.builder().partNumber(part.number())
						.eTag(part.etag()), part.checksum()).build());
				}
			}
			logger.info("Resuming the upload of '{}': {} of its parts are already stored", key, kept.size());
			return new Resume(uploadId, kept);
		}).subscribeOn(Schedulers.boundedElastic())).onErrorResume((ex) -> {
			logger.info("The interrupted upload of '{}' cannot be resumed ({}); starting over", key, ex.getMessage());
			return forget(checkpoint.file()).thenReturn(Resume.FRESH);
		});
	}

	private Mono<Map<Integer, Part>> listParts(Plan plan, String key, String uploadId) {
		return listPartsPage(plan, key, uploadId, null)
			.expand((page) -> Boolean.TRUE.equals(page.isTruncated())
					? listPartsPage(plan, key, uploadId, page.nextPartNumberMarker()) : Mono.empty())
			.flatMapIterable(ListPartsResponse::parts)
			.collectMap(Part::partNumber, (part) -> part);
	}

	private Mono<ListPartsResponse> listPartsPage(Plan plan, String key, String uploadId, @Nullable Integer marker) {
		return this.calls.call(plan.session(), "ListParts", key,
				(lease) -> lease.client()
					.listParts((list) -> list.bucket(plan.apply().bucketName()).key(key).uploadId(uploadId)
						.partNumberMarker(marker)),
				() -> {
				});
	}

	private Mono<Void> forget(Path checkpointFile) {
		return Mono.<Void>fromRunnable(() -> this.checkpoints.delete(checkpointFile))
			.subscribeOn(Schedulers.boundedElastic());
	}

	private @Nullable String checksumOf(CompletedPart part) {
		return switch (this.settings.checksum()) {
			case CRC32C -> part.checksumCRC32C();
			case CRC32 -> part.checksumCRC32();
			case CRC64NVME -> part.checksumCRC64NVME();
			case SHA1 -> part.checksumSHA1();
			case SHA256 -> part.checksumSHA256();
		};
	}

	private CompletedPart.Builder withChecksum(CompletedPart.Builder builder, @Nullable String checksum) {
		return switch (this.settings.checksum()) {
			case CRC32C -> builder.checksumCRC32C(checksum);
			case CRC32 -> builder.checksumCRC32(checksum);
			case CRC64NVME -> builder.checksumCRC64NVME(checksum);
			case SHA1 -> builder.checksumSHA1(checksum);
			case SHA256 -> builder.checksumSHA256(checksum);
		};
	}

	private Mono<CompletedPart> uploadPart(Plan plan, String key, String uploadId, SourceFile file, int number,
			long partSize) {
		long position = (number - 1) * partSize;
		long length = Math.min(partSize, file.size() - position);
		AtomicLong attempt = new AtomicLong();
		return this.calls.call(plan.session(), "UploadPart", key,
				(lease) -> lease.client()
					.uploadPart((part) -> part.bucket(plan.apply().bucketName()).key(key).uploadId(uploadId)
						.partNumber(number)
						.contentLength(length)
						.checksumAlgorithm(algorithm()), body(plan, file, position, length, attempt))
					.thenApply((response) -> completedPart(number, response)),
				() -> plan.tracker().sent(-attempt.getAndSet(0)));
	}

	private Mono<CompletedPart> uploadPart(Plan plan, String key, String uploadId, int number, Chunk chunk) {
		return this.calls.call(plan.session(), "UploadPart", key,
				(lease) -> lease.client()
					.uploadPart((part) -> part.bucket(plan.apply().bucketName()).key(key).uploadId(uploadId)
						.partNumber(number)
						.contentLength((long) chunk.length())
						.checksumAlgorithm(algorithm()),
							AsyncRequestBody.fromRemainingByteBufferUnsafe(ByteBuffer.wrap(chunk.data(), 0, chunk.length())))
					.thenApply((response) -> completedPart(number, response)),
				() -> {
				});
	}

	private static CompletedPart completedPart(int number, UploadPartResponse response) {
		return CompletedPart.builder()
			.partNumber(number)
			.eTag(response.eTag())
			.checksumCRC32(response.checksumCRC32())
			.checksumCRC32C(response.checksumCRC32C())
			.checksumCRC64NVME(response.checksumCRC64NVME())
			.checksumSHA1(response.checksumSHA1())
			.checksumSHA256(response.checksumSHA256())
			.build();
	}

	private Mono<Void> complete(Plan plan, String key, String uploadId, List<CompletedPart> parts) {
		return this.calls.call(plan.session(), "CompleteMultipartUpload", key,
				(lease) -> lease.client()
					.completeMultipartUpload(CompleteMultipartUploadRequest.builder()
						.bucket(plan.apply().bucketName())
						.key(key)
						.uploadId(uploadId)
						.multipartUpload(CompletedMultipartUpload.builder().parts(parts).build())
						.build()),
				() -> {
				})
			.then();
	}

	private Mono<Void> abort(Plan plan, String key, String uploadId) {
		return this.calls.call(plan.session(), "AbortMultipartUpload", key,
				(lease) -> lease.client()
					.abortMultipartUpload((request) -> request.bucket(plan.apply().bucketName()).key(key).uploadId(uploadId)),
				() -> {
				})
			.then()
			.onErrorResume((ex) -> {
				logger.warn("Could not abort the multipart upload of '{}': {}", key, ex.getMessage());
				return Mono.empty();
			});
	}

	private Mono<Map<String, Remote>> remoteObjects(Plan plan) {
		if (plan.policy() == SkipPolicy.OVERWRITE) {
			return Mono.just(Map.of());
		}
		String prefix = plan.apply().prefix() + plan.target();
		return listPage(plan, prefix, null)
			.expand((page) -> Boolean.TRUE.equals(page.isTruncated())
					? listPage(plan, prefix, page.nextContinuationToken()) : Mono.empty())
			.flatMapIterable(ListObjectsV2Response::contents)
			.collectMap(S3Object::key, (object) -> new Remote(object.size(), object.eTag()));
	}

	private Mono<ListObjectsV2Response> listPage(Plan plan, String prefix, @Nullable String token) {
		return this.calls.call(plan.session(), "ListObjectsV2", prefix,
				(lease) -> lease.client()
					.listObjectsV2((list) -> list.bucket(plan.apply().bucketName()).prefix(prefix)
						.continuationToken(token)),
				() -> {
				});
	}

	private Mono<Boolean> skip(SkipPolicy policy, SourceFile file, @Nullable Remote remote, long partSize) {
		if (remote == null || policy == SkipPolicy.OVERWRITE) {
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

	private static void unchanged(SourceFile file) {
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

	private <T> Mono<T> withSession(ResourceKind kind, String name, String path,
			BiFunction<StorageSession, Cleanups, Mono<T>> body) {
		return Mono.usingWhen(Mono.fromSupplier(() -> new Scope(new StorageSession(
				() -> this.controlPlane.apply(kind, name, path), this::connect,
				this.settings.credentialRefreshMargin(), this.clock), new Cleanups())),
				(scope) -> body.apply(scope.session(), scope.local()), Scope::close,
				(scope, error) -> scope.close(), (scope) -> {
					this.cleanups.start(scope.close());
					return Mono.empty();
				});
	}

	private Mono<Lease> connect(ApplyResult apply) {
		return StorageEndpoint.resolve(apply, this.settings.connectType(), this.probe).map((endpoint) -> {
			Resources shared = resources();
			S3AsyncClientBuilder builder = S3AsyncClient.builder()
				.httpClient(shared.httpClient())
				.endpointOverride(endpoint.uri())
				.region(Region.of(endpoint.region()))
				.forcePathStyle(endpoint.pathStyle())
				.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
				.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
				.asyncConfiguration((async) -> async.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR,
						shared.completions()))
				.overrideConfiguration((override) -> {
					override.retryStrategy(AwsRetryStrategy.doNotRetry()).scheduledExecutorService(shared.timer());
					if (endpoint.bearer()) {
						override.addExecutionInterceptor(new BearerToken(apply.credentials().sessionToken()));
					}
				});
			if (endpoint.bearer()) {
				builder.credentialsProvider(AnonymousCredentialsProvider.create());
			}
			else {
				ApplyResult.StorageCredentials credentials = apply.credentials();
				builder.credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials
					.create(credentials.tmpAK(), credentials.tmpSK(), credentials.sessionToken())));
			}
			this.s3Customizers.forEach((customizer) -> customizer.accept(builder));
			return new Lease(apply, endpoint, builder.build(), 0, this.clock.instant());
		});
	}

	private ChecksumAlgorithm algorithm() {
		UploadChecksum checksum = this.settings.checksum();
		return switch (checksum) {
			case CRC32C -> ChecksumAlgorithm.CRC32_C;
			case CRC32 -> ChecksumAlgorithm.CRC32;
			case CRC64NVME -> ChecksumAlgorithm.CRC64_NVME;
			case SHA1 -> ChecksumAlgorithm.SHA1;
			case SHA256 -> ChecksumAlgorithm.SHA256;
		};
	}

	private static long checkedPartSize(long partSize) {
		if (partSize != 0) {
			PartSizes.choose(0, partSize);
		}
		return partSize;
	}

	private static void checkLimits(ApplyResult apply, long files, long bytes) {
		ApplyResult.Condition condition = apply.condition();
		if (bytes > condition.maxContentLength()) {
			throw new UploadLimitExceededException("The upload holds " + bytes + " bytes in " + files + " file"
					+ ((files == 1) ? "" : "s") + ", more than the " + condition.maxContentLength()
					+ " bytes (maxContentLength) " + apply.kind().name().toLowerCase(java.util.Locale.ROOT) + " '"
					+ apply.name() + "' accepts per upload", bytes, condition.maxContentLength());
		}
		Long maxFiles = condition.maxFileNumber();
		if (maxFiles != null && files > maxFiles) {
			throw new UploadLimitExceededException("The upload holds " + files + " files (" + bytes
					+ " bytes), more than the " + maxFiles + " files (maxFileNumber) "
					+ apply.kind().name().toLowerCase(java.util.Locale.ROOT) + " '" + apply.name()
					+ "' accepts per upload", files, maxFiles);
		}
	}

	private static void checkStream(ApplyResult apply, long received, @Nullable Long length) {
		if (length != null && received > length) {
			throw new InvalidRequestException("content length", length,
					"the stream carried more bytes (at least " + received + ")");
		}
		checkLimits(apply, 1, received);
	}

	private static void checkExactLength(long received, @Nullable Long length) {
		if (length != null && received != length) {
			throw new InvalidRequestException("content length", length,
					"the stream carried " + received + " bytes; nothing was written");
		}
	}

	private static String[] splitFile(String targetFile) {
		String path = targetFile.replace('\\', '/');
		int slash = path.lastIndexOf('/');
		String fileName = path.substring(slash + 1);
		if (fileName.isEmpty() || fileName.equals(".") || fileName.equals("..")) {
			throw new InvalidRequestException("target file", targetFile,
					"must end with a file name, not a directory");
		}
		String directory = TargetPaths.normalize((slash < 0) ? "" : path.substring(0, slash));
		return new String[] { directory, fileName };
	}

	private static Mono<Integer> probe(String host) {
		return HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) PROBE_TIMEOUT.toMillis())
			.responseTimeout(PROBE_TIMEOUT)
			.head()
			.uri("https://" + host + "/")
			.response()
			.map((response) -> response.status().code())
			.timeout(PROBE_TIMEOUT);
	}

	private static ThreadFactory threads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** One Netty event loop and connection pool, one timer and one completion executor for all uploads. */
	private record Resources(SdkAsyncHttpClient httpClient, EventLoopGroup eventLoop, ScheduledExecutorService timer,
			ExecutorService completions) {

		// The SDK recognises only the classic NIO group type (deprecated in Netty 4.2, still supported).
		@SuppressWarnings("deprecation")
		static Resources create(UploadSettings settings, List<Consumer<NettyNioAsyncHttpClient.Builder>> customizers) {
			SecretSafeLogging.apply();
			int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
			EventLoopGroup eventLoop = new io.netty.channel.nio.NioEventLoopGroup(threads, threads("stagekit-upload-io"));
			NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder()
				.eventLoopGroup(SdkEventLoopGroup.create(eventLoop))
				.maxConcurrency(settings.maxConnections())
				.maxPendingConnectionAcquires(100_000)
				.connectionAcquisitionTimeout(Duration.ofMinutes(10))
				.connectionTimeout(settings.connectTimeout())
				.readTimeout(settings.readTimeout())
				.writeTimeout(settings.writeTimeout());
			customizers.forEach((customizer) -> customizer.accept(http));
			return new Resources(http.build(), eventLoop,
					Executors.newSingleThreadScheduledExecutor(threads("stagekit-upload-timer")),
					Executors.newFixedThreadPool(threads, threads("stagekit-upload")));
		}

		void close() {
			this.httpClient.close();
			// Our own event loop, so no two-second quiet period on shutdown.
			this.eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
			this.timer.shutdownNow();
			this.completions.shutdownNow();
		}

	}

	/** What one upload works with. */
	private record Plan(ResourceKind kind, String name, String target, ApplyResult apply, SkipPolicy policy,
			long partSize, boolean resumable, StorageSession session, Cleanups local, ProgressTracker tracker) {
	}

	/** The parts of an interrupted upload that can be kept, or none for a fresh start. */
	private record Resume(@Nullable String uploadId, Map<Integer, CompletedPart> stored) {

		static final Resume FRESH = new Resume(null, Map.of());

	}

	/** An existing object of the target directory. */
	private record Remote(long size, @Nullable String etag) {
	}

	/** The session of one upload and the aborts it started after a cancellation. */
	private record Scope(StorageSession session, Cleanups local) {

		Mono<Void> close() {
			return this.local.awaitAll().then(Mono.fromRunnable(this.session::close));
		}

	}

	/** Sends the GCP OAuth2 access token instead of a signature. */
	private static final class BearerToken implements ExecutionInterceptor {

		private final String token;

		BearerToken(String token) {
			this.token = token;
		}

		@Override
		public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
				ExecutionAttributes executionAttributes) {
			return context.httpRequest().toBuilder().putHeader("Authorization", "Bearer " + this.token).build();
		}

		@Override
		public String toString() {
			return "BearerToken[******]";
		}

	}

}
