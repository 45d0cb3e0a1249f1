package dev.stagekit.bulkwriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import dev.stagekit.bulkwriter.internal.CsvRows;
import dev.stagekit.bulkwriter.internal.FormatWriter;
import dev.stagekit.bulkwriter.internal.JsonRows;
import dev.stagekit.bulkwriter.internal.NumpyRows;
import dev.stagekit.bulkwriter.internal.ParquetFormatWriter;
import dev.stagekit.bulkwriter.internal.RowValidator;
import dev.stagekit.bulkwriter.internal.ValidRow;
import dev.stagekit.client.job.ImportJobProgress;
import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.job.ReactiveImportJobs;
import dev.stagekit.client.StorageLocation;
import dev.stagekit.client.ZillizCloudException;
import dev.stagekit.client.upload.ReactiveFileManager;
import dev.stagekit.client.upload.UploadResult;
import dev.stagekit.client.upload.UploadedObject;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Writes one batch of rows into files of a stage or volume: each row is checked against the schema
 * before it is written, files roll at the configured size, and each finished file is uploaded through the
 * file manager while the next one is written, all of a batch's files in one upload session (one credentials
 * {@code apply} for the batch, renewed as usual). Files land under {@code <targetPath>/<batchId>/} as
 * {@code 1.parquet}, {@code 2.parquet}, ... (object keys always use {@code /}).
 *
 * <p>{@link #append(Object)} writes on the calling thread and may block while
 * {@link BulkWriterSettings#maxPendingUploads()} files wait for upload; {@link #write(Publisher)} appends
 * on a bounded-elastic thread. {@link #commit()} finishes the last file, waits for the uploads and
 * returns what to import. A failed upload fails the batch (the engine aborts its multipart upload), and
 * the batch's local files are deleted. A writer is for one batch and one thread of appends at a time.
 *
 * @since 0.1.0
 */
public final class ReactiveBulkWriter implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ReactiveBulkWriter.class);

	private final ReactiveFileManager files;

	private final @Nullable ReactiveImportJobs importJobs;

	private final RowValidator validator;

	private final BulkWriterSettings settings;

	private final String batchId;

	private final String remoteBase;

	private final Path localBatchDirectory;

	private final Object lock = new Object();

	private final Semaphore uploadSlots;

	/** The finished files, in the order they were handed to the upload session. */
	private final List<Pending> pending = new ArrayList<>();

	/** The finished files, fed to the batch's one upload session ({@code uploadEach}). */
	private final Sinks.Many<Path> finishedFiles = Sinks.many().unicast().onBackpressureBuffer();

	/** Completes when the upload session ended, with the uploaded files or after a failure. */
	private final CompletableFuture<List<BulkFile>> uploads = new CompletableFuture<>();

	private boolean uploading;

	private final Sinks.Many<BulkWriteProgress> progressSink = Sinks.many().replay().latest();

	private final @Nullable BulkWriteProgressListener listener;

	private final AtomicLong bytesUploaded = new AtomicLong();

	private final AtomicReference<@Nullable BulkWriteException> failure = new AtomicReference<>();

	private final AtomicInteger filesUploaded = new AtomicInteger();

	private final Object progressMonitor = new Object();

	private @Nullable FormatWriter current;

	private @Nullable Path currentFile;

	private int fileNumber;

	private long firstRowOfFile;

	private volatile long rows;

	private volatile int filesWritten;

	private volatile long bytesWritten;

	private boolean finished;

	ReactiveBulkWriter(ReactiveFileManager files, @Nullable ReactiveImportJobs importJobs, CollectionSchema schema,
			String targetPath, BulkWriterSettings settings, @Nullable BulkWriteProgressListener listener) {
		this.files = files;
		this.importJobs = importJobs;
		this.validator = new RowValidator(schema);
		this.settings = settings;
		this.listener = listener;
		this.batchId = UUID.randomUUID().toString();
		this.remoteBase = remoteBase(targetPath, this.batchId);
		this.localBatchDirectory = settings.localDirectory().resolve(this.batchId);
		this.uploadSlots = new Semaphore(settings.maxPendingUploads());
		if (settings.format() == BulkFileFormat.NUMPY) {
			NumpyRows.check(schema.writtenFields());
		}
	}

	/**
	 * The batch directory inside the stage or volume: the target path normalised with {@code /} separators
	 * (backslashes become {@code /}; {@code ..} segments are refused), then the batch id.
	 */
	static String remoteBase(String targetPath, String batchId) {
		StringJoiner joined = new StringJoiner("/");
		for (String segment : targetPath.replace('\\', '/').split("/")) {
			if (segment.isEmpty() || segment.equals(".")) {
				continue;
			}
			if (segment.equals("..")) {
				throw new InvalidRequestException("target path", targetPath,
						"must not contain '..' segments (it must stay inside the stage or volume)");
			}
			joined.add(segment);
		}
		String base = joined.toString();
		return (base.isEmpty() ? "" : base + "/") + batchId + "/";
	}

	/**
	 * Return the batch id, the last directory of {@link #location()}.
	 * @return the batch id
	 */
	public String batchId() {
		return this.batchId;
	}

	/**
	 * Return where the batch's files go.
	 * @return the stage or volume and the batch directory
	 */
	public StorageLocation location() {
		return new StorageLocation(this.files.kind(), this.files.name(), this.remoteBase);
	}

	/**
	 * Return the schema rows are checked against.
	 * @return the schema
	 */
	public CollectionSchema schema() {
		return this.validator.schema();
	}

	/**
	 * Follow the batch's progress: the latest event first, then each new one; completes after
	 * {@link #commit()}, errors if the batch fails.
	 * @return the progress events
	 */
	public Flux<BulkWriteProgress> progress() {
		return this.progressSink.asFlux();
	}

	/**
	 * Check a row and write it on the calling thread; it blocks while too many finished files wait for
	 * upload. A refused row leaves the batch as it was.
	 * @param row a {@code Map<String, Object>} of field name to value, or a record (by component name)
	 * @throws InvalidRowException if the row does not match the schema (nothing of it is written)
	 * @throws BulkWriteException if the batch already failed or was committed
	 */
	public void append(Object row) {
		synchronized (this.lock) {
			checkOpen();
			long rowNumber = this.rows + 1;
			Map<String, ?> map = RowValidator.toMap(row, rowNumber);
			ValidRow valid = this.validator.validate(map, rowNumber);
			try {
				FormatWriter writer = this.current;
				if (writer == null) {
					writer = open();
				}
				writer.write(valid);
				this.rows = rowNumber;
				if (writer.size() >= this.settings.fileSize()) {
					roll();
				}
			}
			catch (IOException | RuntimeException ex) {
				if (ex instanceof ZillizCloudException zce) {
					throw zce;
				}
				String path = this.remoteBase + fileName(this.fileNumber);
				BulkWriteException error = new BulkWriteException("Writing local file " + this.currentFile
						+ " failed at row " + rowNumber + " (" + ex + "); the batch is abandoned and its local files"
						+ " deleted. Check the local directory's free space and permissions, then write the batch"
						+ " again.", path, this.firstRowOfFile, rowNumber, ex);
				fail(error);
				throw error;
			}
		}
	}

	/**
	 * Append every row of a publisher, on a bounded-elastic thread, then commit. If a row is refused, a file
	 * fails or the subscription is cancelled, the batch is abandoned (see {@link #close()}).
	 * @param rows the rows (maps or records)
	 * @return the result of the commit
	 */
	public Mono<BulkWriteResult> write(Publisher<?> rows) {
		return Flux.from(rows)
			.publishOn(Schedulers.boundedElastic(), 256)
			.doOnNext(this::append)
			.then(Mono.defer(this::commit))
			.onErrorResume((error) -> Mono.fromRunnable(this::close)
				.subscribeOn(Schedulers.boundedElastic())
				.then(Mono.error(error)))
			.doOnCancel(() -> Schedulers.boundedElastic().schedule(this::close));
	}

	/**
	 * Finish the last file, wait for every upload, and return what to import. The writer cannot be used
	 * afterwards.
	 * @return the result; errors with {@link BulkWriteException} if a file failed
	 */
	public Mono<BulkWriteResult> commit() {
		return Mono.fromCallable(() -> {
			synchronized (this.lock) {
				if (this.failure.get() == null) {
					checkOpen();
					if (this.rows == 0) {
						throw new BulkWriteException(
								"Nothing to commit: no row was appended to batch " + this.batchId, null, 0, 0, null);
					}
					try {
						roll();
					}
					catch (BulkWriteException ex) {
						// The batch failed meanwhile: settle below, then report the first failure.
					}
				}
				closeQuietly();
				this.finished = true;
				endUploads();
				return this.uploads;
			}
		})
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((uploads) -> Mono.fromFuture(uploads, false))
			.flatMap((done) -> {
				BulkWriteException error = this.failure.get();
				if (error != null) {
					deleteLocalDirectory();
					return Mono.error(error);
				}
				deleteLocalDirectory();
				emit(true);
				this.progressSink.tryEmitComplete();
				return Mono.just(new BulkWriteResult(location(), done, this.rows, this.settings.format()));
			});
	}

	/**
	 * Commit, import the files into a collection, and follow the import job until it completes.
	 * @param collectionName the collection
	 * @param pollInterval the delay between progress polls
	 * @return the job's last progress; errors with the import job's failure
	 */
	public Mono<ImportJobProgress> commitAndImport(String collectionName, Duration pollInterval) {
		ReactiveImportJobs jobs = this.importJobs;
		if (jobs == null) {
			return Mono.error(new IllegalStateException(
					"This writer was created without import jobs; create it through BulkWriters built with clients"));
		}
		return commit().flatMap((result) -> jobs.create(result.importRequest(collectionName).build()))
			.flatMap((jobId) -> jobs.awaitCompletion(jobId, pollInterval).last());
	}

	/**
	 * Abandon the batch if it was not committed: finished uploads are waited for, local files deleted.
	 * Files already uploaded stay in the stage or volume.
	 */
	@Override
	public void close() {
		synchronized (this.lock) {
			if (this.finished) {
				return;
			}
			this.finished = true;
			closeQuietly();
			endUploads();
		}
		this.uploads.handle((ignored, error) -> null).join();
		deleteLocalDirectory();
		this.progressSink.tryEmitComplete();
	}

	private void checkOpen() {
		BulkWriteException error = this.failure.get();
		if (error != null) {
			closeQuietly();
			throw new BulkWriteException("The batch failed earlier: " + error.getMessage(), error.file(),
					error.firstRow(), error.lastRow(), error);
		}
		if (this.finished) {
			throw new BulkWriteException("The batch " + this.batchId + " is already committed or closed; "
					+ "create a new writer for more rows", null, 0, 0, null);
		}
	}

	private String fileName(int number) {
		return this.settings.format().isDirectory() ? String.valueOf(number)
				: number + "." + this.settings.format().extension();
	}

	private FormatWriter open() throws IOException {
		Files.createDirectories(this.localBatchDirectory);
		this.fileNumber++;
		Path file = this.localBatchDirectory.resolve(fileName(this.fileNumber));
		List<FieldSchema> fields = this.validator.schema().writtenFields();
		boolean dynamic = this.validator.schema().enableDynamicField();
		FormatWriter writer = switch (this.settings.format()) {
			case PARQUET -> new ParquetFormatWriter(file, fields, dynamic, this.settings.rowGroupSize(),
					CompressionCodecName.valueOf(this.settings.compression().name()));
			case JSON -> new JsonRows(file, fields);
			case CSV -> new CsvRows(file, fields, dynamic);
			case NUMPY -> new NumpyRows(file, fields, dynamic);
		};
		this.current = writer;
		this.currentFile = file;
		this.firstRowOfFile = this.rows + 1;
		return writer;
	}

	/** Finish the current file and start its upload; blocks while all upload slots are taken. */
	private void roll() throws IOException {
		FormatWriter writer = this.current;
		Path file = this.currentFile;
		if (writer == null || file == null) {
			return;
		}
		this.current = null;
		this.currentFile = null;
		writer.close();
		long size = size(file);
		this.filesWritten++;
		this.bytesWritten += size;
		emit(false);
		long first = this.firstRowOfFile;
		long last = this.rows;
		String path = this.remoteBase + file.getFileName() + (this.settings.format().isDirectory() ? "/" : "");
		try {
			this.uploadSlots.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			BulkWriteException error = new BulkWriteException("Interrupted while waiting to upload " + path, path,
					first, last, ex);
			fail(error);
			throw error;
		}
		if (this.failure.get() != null) {
			this.uploadSlots.release();
			checkOpen();
		}
		startUploads();
		synchronized (this.pending) {
			this.pending.add(new Pending(file, path, size, first, last));
		}
		if (this.finishedFiles.tryEmitNext(file).isFailure()) {
			// The upload session already ended with a failure (and released every slot).
			checkOpen();
		}
	}

	/** Open the batch's one upload session with its first finished file; it ends when the files complete. */
	private void startUploads() {
		if (this.uploading) {
			return;
		}
		this.uploading = true;
		List<BulkFile> done = new ArrayList<>();
		this.files.uploadEach(this.finishedFiles.asFlux(), this.remoteBase).subscribe((result) -> {
			Pending file;
			synchronized (this.pending) {
				file = this.pending.get(done.size());
			}
			done.add(file.uploaded(result));
			deleteUploaded(file.local());
			this.bytesUploaded.addAndGet(file.size());
			this.filesUploaded.incrementAndGet();
			this.uploadSlots.release();
			emit(false);
		}, (error) -> {
			Pending file = failedFile(error, done.size());
			fail(new BulkWriteException("Uploading " + file.path() + " (rows " + file.first() + " to " + file.last()
					+ ") to " + this.files.kind().name().toLowerCase(Locale.ROOT) + " '" + this.files.name()
					+ "' failed: " + error.getMessage() + ". The batch is abandoned: its open multipart uploads were"
					+ " aborted and its local files deleted; files uploaded before stay under " + this.remoteBase
					+ ". Write the batch again.", file.path(), file.first(), file.last(), error));
			// Wake an appender waiting for a slot: the files still pending will never be uploaded.
			this.uploadSlots.release(this.settings.maxPendingUploads());
			this.uploads.complete(List.copyOf(done));
		}, () -> this.uploads.complete(List.copyOf(done)));
	}

	/** No more files: let the upload session finish (or settle at once if it never started). */
	private void endUploads() {
		if (this.uploading) {
			this.finishedFiles.tryEmitComplete();
		}
		else {
			this.uploads.complete(List.of());
		}
	}

	/** The file a failure belongs to: the one its object key names, else the first not yet uploaded. */
	private Pending failedFile(Throwable error, int uploaded) {
		synchronized (this.pending) {
			if (error instanceof dev.stagekit.client.upload.StorageException storage) {
				for (Pending file : this.pending) {
					// A key is the prefix (ending with '/') and the path; a NumPy folder's path ends with '/'.
					String key = storage.key();
					if (file.path().endsWith("/") ? key.contains("/" + file.path()) : key.endsWith("/" + file.path())) {
						return file;
					}
				}
			}
			return this.pending.get(Math.min(uploaded, this.pending.size() - 1));
		}
	}

	/**
	 * Record the first failure; never takes the append lock (an appender may hold it while it waits for an
	 * upload slot). The appender closes its file at its next call; commit and close delete the local files
	 * once every upload settled, so that no upload reads a deleted file.
	 */
	private void fail(BulkWriteException error) {
		if (this.failure.compareAndSet(null, error)) {
			synchronized (this.progressMonitor) {
				this.progressSink.tryEmitError(error);
			}
		}
	}

	private void closeQuietly() {
		FormatWriter writer = this.current;
		this.current = null;
		this.currentFile = null;
		if (writer != null) {
			try {
				writer.close();
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Closing an abandoned file failed", ex);
			}
		}
	}

	private static long size(Path file) throws IOException {
		if (!Files.isDirectory(file)) {
			return Files.size(file);
		}
		try (Stream<Path> paths = Files.walk(file)) {
			long total = 0;
			for (Path path : (Iterable<Path>) paths::iterator) {
				total += Files.isRegularFile(path) ? Files.size(path) : 0;
			}
			return total;
		}
	}

	private void deleteUploaded(Path file) {
		if (!this.settings.keepLocalFiles()) {
			deleteTree(file);
		}
	}

	private void deleteLocalDirectory() {
		if (!this.settings.keepLocalFiles()) {
			deleteTree(this.localBatchDirectory);
		}
	}

	private static void deleteTree(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			logger.warn("Could not delete local files under {}: {}", root, ex.toString());
		}
	}

	private void emit(boolean done) {
		synchronized (this.progressMonitor) {
			BulkWriteProgress progress = new BulkWriteProgress(this.rows, this.filesWritten, this.bytesWritten,
					this.filesUploaded.get(), this.bytesUploaded.get(), done);
			this.progressSink.tryEmitNext(progress);
			BulkWriteProgressListener target = this.listener;
			if (target != null) {
				try {
					target.onProgress(progress);
				}
				catch (RuntimeException ex) {
					logger.warn("A bulk write progress listener failed", ex);
				}
			}
		}
	}

	/** A finished file handed to the upload session. */
	private record Pending(Path local, String path, long size, long first, long last) {

		BulkFile uploaded(UploadResult result) {
			UploadedObject object = result.objects().isEmpty() ? null : result.objects().get(0);
			String key = (object == null) ? this.path
					: object.key().substring(0, object.key().length() - object.relativePath().length())
							+ (this.path.endsWith("/") ? "" : object.relativePath());
			return new BulkFile(this.path, key, this.size, this.first, this.last);
		}

	}

	@Override
	public String toString() {
		return "ReactiveBulkWriter[" + location() + ", " + this.settings.format() + "]";
	}

}
