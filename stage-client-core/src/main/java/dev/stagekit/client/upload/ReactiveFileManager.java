package dev.stagekit.client.upload;

import java.nio.file.Path;

import dev.stagekit.client.Kind;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * Uploads files into one stage or volume, reactively. Every method is lazy: nothing is sent until the
 * result is subscribed, and cancelling the subscription cancels the upload (started multipart uploads
 * are aborted). All file managers of one {@link FileManagers} share one engine and connection pool.
 *
 * @since 0.1.0
 */
public interface ReactiveFileManager {

	/**
	 * Return whether this manager writes to a stage or a volume.
	 * @return the kind
	 */
	Kind kind();

	/**
	 * Return the stage or volume name.
	 * @return the name
	 */
	String name();

	/**
	 * Upload a file or a directory tree into a target directory.
	 * @param source the local file or directory
	 * @param targetPath the target directory ({@code ""} for the root)
	 * @return the result
	 */
	default Mono<UploadResult> upload(Path source, String targetPath) {
		return upload(UploadRequest.builder(source, targetPath).build());
	}

	/**
	 * Upload a file or a directory tree.
	 * @param request the request
	 * @return the result
	 */
	default Mono<UploadResult> upload(UploadRequest request) {
		return uploadWithProgress(request).last().mapNotNull(UploadProgress::result);
	}

	/**
	 * Upload a file or a directory tree and follow its progress.
	 * @param request the request
	 * @return throttled progress events; the last one carries the result
	 */
	Flux<UploadProgress> uploadWithProgress(UploadRequest request);

	/**
	 * Upload several files or directories into one target directory in ONE credentials session (one
	 * {@code apply}, renewed as usual), each as it arrives, for example the files a writer finishes one after
	 * the other. Each source keeps its name under the target: a file lands at {@code target/name}, a directory
	 * at {@code target/name/...}. The limits are checked per source, with the default skip policy and part
	 * size of the settings. A failure cancels the uploads in flight (aborting their multipart uploads) and
	 * ends the flux with the error once those aborts are done; sources already uploaded stay.
	 * @param sources the local files or directories; the upload ends when they complete
	 * @param targetPath the target directory ({@code ""} for the root)
	 * @return one result per source, in the order of the sources
	 */
	Flux<UploadResult> uploadEach(Publisher<Path> sources, String targetPath);

	/**
	 * Stream bytes of a known length straight to one file (for example a WebFlux {@code FilePart}'s
	 * content), without a temporary file. A stream of another length is refused and nothing is written.
	 * @param content the bytes; the buffers are released
	 * @param targetFile the file path inside the stage or volume, e.g. {@code data/rows.json}
	 * @param contentLength the exact number of bytes
	 * @return the result
	 */
	Mono<UploadResult> upload(Publisher<DataBuffer> content, String targetFile, long contentLength);

	/**
	 * Stream bytes of unknown length straight to one file, without a temporary file.
	 * @param content the bytes; the buffers are released
	 * @param targetFile the file path inside the stage or volume
	 * @return the result
	 */
	Mono<UploadResult> upload(Publisher<DataBuffer> content, String targetFile);

	/**
	 * List the resumable uploads of this stage or volume that did not finish (from the local checkpoints).
	 * @return the pending uploads
	 */
	default Flux<PendingUpload> pendingUploads() {
		return Flux.empty();
	}

	/**
	 * Finish a pending upload: only its missing parts are sent. Fails with a
	 * {@link SourceChangedException} if the source changed since the upload started.
	 * @param pending the upload, from {@link #pendingUploads()}
	 * @return the result
	 */
	default Mono<UploadResult> resume(PendingUpload pending) {
		return upload(UploadRequest.builder(pending.source(), pending.targetDirectory())
			.resumable(true)
			.partSize(pending.partSize())
			.build());
	}

	/**
	 * Drop a pending upload: abort its multipart upload (its stored parts are deleted) and delete its
	 * checkpoint.
	 * @param pending the upload, from {@link #pendingUploads()}
	 * @return completion
	 */
	default Mono<Void> discard(PendingUpload pending) {
		return Mono.error(new dev.stagekit.client.InvalidRequestException("pending upload", pending.key(),
				"cannot be discarded by " + getClass().getSimpleName()));
	}

	/**
	 * List the multipart uploads left open in the object store under a directory of the stage or volume (all
	 * of its subdirectories included), whoever started them: after a process was killed mid-upload in the
	 * default (non-resumable) mode, nothing else knows them. One {@code apply}, then
	 * {@code ListMultipartUploads} page by page.
	 * @param path the directory ({@code ""} for the root)
	 * @return the open uploads, in key order
	 */
	default Flux<OpenUpload> openUploads(String path) {
		return Flux.error(new UnsupportedOperationException(getClass().getName() + " does not list open uploads"));
	}

	/**
	 * Abort a multipart upload left open (its stored parts are deleted); a resumable upload's local checkpoint,
	 * if any, can no longer resume it.
	 * @param upload the upload, from {@link #openUploads(String)}
	 * @return completion
	 */
	default Mono<Void> abort(OpenUpload upload) {
		return Mono.error(new UnsupportedOperationException(getClass().getName() + " does not abort uploads"));
	}

	/**
	 * List the files under a directory of the stage or volume (all of its subdirectories included), with its
	 * upload credentials: one {@code apply}, then {@code ListObjectsV2} page by page as the result is consumed.
	 * Deleting files is not offered: Zilliz Cloud allows it only in its console.
	 * @param path the directory ({@code ""} for the root)
	 * @return the files in key order, paths relative to the stage or volume root
	 */
	default Flux<StoredFile> list(String path) {
		return Flux.error(new UnsupportedOperationException(getClass().getName() + " does not list files"));
	}

}
