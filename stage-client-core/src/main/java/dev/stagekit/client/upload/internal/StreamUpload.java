package dev.stagekit.client.upload.internal;

import java.time.Duration;
import java.util.List;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.StorageLocation;
import dev.stagekit.client.upload.UploadResult;
import dev.stagekit.client.upload.UploadedObject;
import dev.stagekit.client.upload.internal.StreamChunker.Chunk;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Uploads a stream of buffers to one object without a temporary file: parts are cut from the stream and
 * held in memory, one per concurrent request; a stream that fits in one part goes in one request.
 */
final class StreamUpload {

	private static final long STREAM_PART_SIZE = 8 * PartSizes.MIB;

	private final MultipartUpload uploader;

	StreamUpload(MultipartUpload uploader) {
		this.uploader = uploader;
	}

	/** Split a target file into its normalised directory and its file name. */
	static String[] split(String targetFile) {
		String path = UploadKeys.checkNoControlCharacters("target file", targetFile).replace('\\', '/');
		int slash = path.lastIndexOf('/');
		String fileName = path.substring(slash + 1);
		if (fileName.isEmpty() || fileName.equals(".") || fileName.equals("..")) {
			throw new InvalidRequestException("target file", targetFile, "must end with a file name, not a directory");
		}
		return new String[] { TargetPaths.normalize((slash < 0) ? "" : path.substring(0, slash)), fileName };
	}

	/** The part size for a stream of a known or unknown length, checked before anything is sent. */
	static long partSize(@Nullable Long length, @Nullable Long requested) {
		if (length != null && length < 0) {
			throw new InvalidRequestException("content length", length, "must not be negative");
		}
		long partSize = (length != null) ? PartSizes.choose(length, requested)
				: Math.max((requested != null) ? requested : 0, STREAM_PART_SIZE);
		if (partSize > Integer.MAX_VALUE - 64) {
			throw new InvalidRequestException("part size", partSize,
					"parts of a stream are held in memory and must be smaller than 2 GiB");
		}
		return partSize;
	}

	Mono<UploadResult> upload(UploadPlan plan, Publisher<DataBuffer> content, String fileName, @Nullable Long length,
			long partSize) {
		long started = System.nanoTime();
		String path = plan.target() + fileName;
		String key = UploadKeys.checkLength(plan.keyOf(path), path);
		if (length != null) {
			Limits.check(plan.apply(), 1, length);
		}
		StreamChunker chunker = new StreamChunker((int) partSize);
		Flux<Chunk> chunks = Flux.from(content)
			.concatMapIterable(chunker::accept)
			.concatWith(Mono.fromSupplier(chunker::finish))
			.doOnNext((chunk) -> Limits.checkStream(plan.apply(), chunker.total(), length))
			.doOnDiscard(DataBuffer.class, DataBufferUtils::release);
		Mono<Void> send = chunks.switchOnFirst((signal, flux) -> {
			Chunk first = signal.get();
			if (first == null) {
				return flux.then();
			}
			if (first.last()) {
				Limits.checkExactLength(chunker.total(), length);
				return this.uploader.put(plan, key, PartBody.of(first));
			}
			return this.uploader.upload(plan, key, flux.map(PartBody::of),
					() -> Limits.checkExactLength(chunker.total(), length));
		}).then();
		return send.then(Mono.fromCallable(() -> {
			long size = chunker.total();
			UploadedObject object = new UploadedObject(fileName, path, key, size, false);
			return new UploadResult(new StorageLocation(plan.kind(), plan.name(), plan.target()), List.of(object), size,
					Duration.ofNanos(System.nanoTime() - started));
		}));
	}

}
