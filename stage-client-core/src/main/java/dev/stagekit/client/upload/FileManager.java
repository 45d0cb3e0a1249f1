package dev.stagekit.client.upload;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.stagekit.client.Kind;
import dev.stagekit.client.internal.Blocking;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

/**
 * Blocking face of a {@link ReactiveFileManager}. Calls block for as long as the upload takes;
 * interrupting the calling thread cancels the upload. Failures are unchecked
 * {@link dev.stagekit.client.ZillizCloudException}s.
 *
 * @since 0.1.0
 */
public abstract sealed class FileManager permits VolumeFileManager, StageFileManager {

	private static final int STREAM_BUFFER = 64 * 1024;

	private final ReactiveFileManager reactive;

	FileManager(ReactiveFileManager reactive) {
		this.reactive = reactive;
	}

	/**
	 * Return whether this manager writes to a stage or a volume.
	 * @return the kind
	 */
	public Kind kind() {
		return this.reactive.kind();
	}

	/**
	 * Return the stage or volume name.
	 * @return the name
	 */
	public String name() {
		return this.reactive.name();
	}

	/**
	 * Upload a file or directory tree into a target directory.
	 * @param source the local file or directory
	 * @param targetPath the target directory ({@code ""} for the root)
	 * @return the result
	 */
	public UploadResult upload(Path source, String targetPath) {
		return Blocking.await(this.reactive.upload(source, targetPath));
	}

	/**
	 * Upload a file or directory tree; progress goes to the request's listener.
	 * @param request the request
	 * @return the result
	 */
	public UploadResult upload(UploadRequest request) {
		return Blocking.await(this.reactive.upload(request));
	}

	/**
	 * Upload several files or directories into one target directory in one credentials session (see
	 * {@link ReactiveFileManager#uploadEach(org.reactivestreams.Publisher, String)}).
	 * @param sources the local files or directories
	 * @param targetPath the target directory ({@code ""} for the root)
	 * @return one result per source, in order
	 */
	public List<UploadResult> uploadEach(List<Path> sources, String targetPath) {
		return Blocking.await(this.reactive.uploadEach(Flux.fromIterable(sources), targetPath).collectList());
	}

	/**
	 * Stream an input stream of a known length to one file, without a temporary file. The stream is
	 * read on Reactor's {@code boundedElastic} threads, made for blocking reads (never on an event loop shared
	 * with other uploads and {@code WebClient}s), and closed at the end.
	 * @param content the bytes
	 * @param targetFile the file path inside the stage or volume
	 * @param contentLength the exact number of bytes
	 * @return the result
	 */
	public UploadResult upload(InputStream content, String targetFile, long contentLength) {
		// Requests for more bytes come from the upload's I/O threads; subscribeOn hands each read to a worker.
		return Blocking.await(Mono.defer(() -> this.reactive.upload(DataBufferUtils
			.readInputStream(() -> content, DefaultDataBufferFactory.sharedInstance, STREAM_BUFFER)
			.subscribeOn(Schedulers.boundedElastic()), targetFile, contentLength)));
	}

	/**
	 * List the resumable uploads of this stage or volume that did not finish (from the local checkpoints).
	 * @return the pending uploads
	 */
	public List<PendingUpload> pendingUploads() {
		return Blocking.await(this.reactive.pendingUploads().collectList());
	}

	/**
	 * Finish a pending upload: only its missing parts are sent.
	 * @param pending the upload, from {@link #pendingUploads()}
	 * @return the result
	 */
	public UploadResult resume(PendingUpload pending) {
		return Blocking.await(this.reactive.resume(pending));
	}

	/**
	 * Drop a pending upload: abort its multipart upload and delete its checkpoint.
	 * @param pending the upload, from {@link #pendingUploads()}
	 */
	public void discard(PendingUpload pending) {
		Blocking.await(this.reactive.discard(pending).thenReturn(Boolean.TRUE));
	}

	/**
	 * List the files under a directory of the stage or volume, fetching pages as the stream is consumed; close
	 * the stream (try-with-resources) to stop early.
	 * @param path the directory ({@code ""} for the root)
	 * @return the files in key order, paths relative to the stage or volume root
	 */
	public Stream<StoredFile> list(String path) {
		return this.reactive.list(path).toStream();
	}

	/**
	 * List the multipart uploads left open in the object store under a directory (see
	 * {@link ReactiveFileManager#openUploads(String)}).
	 * @param path the directory ({@code ""} for the root)
	 * @return the open uploads, in key order
	 */
	public List<OpenUpload> openUploads(String path) {
		return Blocking.await(this.reactive.openUploads(path).collectList());
	}

	/**
	 * Abort a multipart upload left open; its stored parts are deleted.
	 * @param upload the upload, from {@link #openUploads(String)}
	 */
	public void abort(OpenUpload upload) {
		Blocking.await(this.reactive.abort(upload).thenReturn(Boolean.TRUE));
	}

	/**
	 * Return the reactive manager behind this one.
	 * @return the reactive manager
	 */
	public ReactiveFileManager reactive() {
		return this.reactive;
	}

}
