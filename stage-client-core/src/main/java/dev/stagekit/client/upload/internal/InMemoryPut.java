package dev.stagekit.client.upload.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import dev.stagekit.client.upload.SourceChangedException;
import dev.stagekit.client.upload.StorageException;
import dev.stagekit.client.upload.internal.SourceScanner.SourceFile;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.core.async.AsyncRequestBody;

/**
 * A small object sent in one {@code PutObject} from memory: the file is read once (one positional read
 * on {@code boundedElastic}, then re-checked against the listing), its checksum computed ahead and sent
 * in its header ({@code x-amz-checksum-crc32c} or the configured algorithm's), the body a plain
 * {@code Content-Length} buffer. No {@code aws-chunked} encoding, no trailer, no thread publishing the body
 * chunk by chunk; the store still verifies the checksum, and a retry resends the same bytes.
 *
 * <p>Memory stays bounded: file bodies are read into at most {@code buffers} pooled buffers of at most
 * {@link #LIMIT} bytes each, shared by every upload of the engine; when all are taken, the file streams
 * from disk as larger files do. A stream's single chunk is in memory already and needs no buffer. A buffer
 * goes back to the pool when its request has ended (or was cancelled); should a cancelled request's bytes
 * still be on their way while the buffer is refilled, the checksum sent with them no longer matches and the
 * store refuses them.
 */
final class InMemoryPut {

	/** The largest object sent from memory. */
	static final int LIMIT = 8 * 1024 * 1024;

	private static final int MIN_BUFFER = 64 * 1024;

	private final StorageRetry retry;

	private final Checksums checksums;

	private final Pool pool;

	InMemoryPut(StorageRetry retry, Checksums checksums, int buffers) {
		this.retry = retry;
		this.checksums = checksums;
		this.pool = new Pool(Math.max(1, buffers));
	}

	/** Whether this body is sent from memory (else it streams). */
	static boolean accepts(PartBody part) {
		return (part instanceof StreamChunkPart) || (part instanceof FileSlicePart && part.length() <= LIMIT);
	}

	/**
	 * Send an object in one request from memory.
	 * @param plan the upload
	 * @param key the object key
	 * @param part a body this class {@link #accepts(PartBody) accepts}
	 * @param unanswered set when an attempt got no answer (see {@link LostAnswers})
	 * @param streaming the streaming PUT, used when no buffer is free
	 * @return completes when the object is stored
	 */
	Mono<Void> put(UploadPlan plan, String key, PartBody part, AtomicBoolean unanswered,
			Supplier<Mono<Void>> streaming) {
		if (part instanceof StreamChunkPart chunk) {
			return send(plan, key, ByteBuffer.wrap(chunk.chunk().data(), 0, chunk.chunk().length()), unanswered);
		}
		FileSlicePart slice = (FileSlicePart) part;
		return Mono.defer(() -> {
			ByteBuffer buffer = this.pool.take((int) slice.length());
			if (buffer == null) {
				return streaming.get();
			}
			return Mono.fromCallable(() -> read(slice.file(), slice.position(), buffer))
				.subscribeOn(Schedulers.boundedElastic())
				.onErrorMap(IOException.class, (ex) -> new StorageException("PutObject of '" + key + "' failed: could not read "
						+ slice.file().path() + " (" + ex.getMessage() + "); check that the file is readable", key, 0,
						null, 0, false, ex))
				.flatMap((bytes) -> send(plan, key, bytes, unanswered))
				.doOnSuccess((done) -> slice.tracker().sent(slice.length()))
				// Given back before the result goes downstream, so that the next file finds it free.
				.doOnTerminate(() -> this.pool.give(buffer))
				.doOnCancel(() -> this.pool.give(buffer));
		});
	}

	private Mono<Void> send(UploadPlan plan, String key, ByteBuffer bytes, AtomicBoolean unanswered) {
		String checksum = checksum(bytes);
		return this.retry.call(plan.session(), "PutObject", key,
				LostAnswers.noting(unanswered, (lease) -> lease.client()
					.putObject((put) -> this.checksums.header(put.bucket(plan.bucket()).key(key)
						.contentLength((long) bytes.remaining())
						.contentType("application/octet-stream"), checksum),
							// Each attempt reads its own view of the same bytes.
							AsyncRequestBody.fromRemainingByteBufferUnsafe(bytes.duplicate()))),
				InMemoryPut::nothing)
			.then();
	}

	private String checksum(ByteBuffer bytes) {
		SdkChecksum checksum = this.checksums.newChecksum();
		checksum.update(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
		return Base64.getEncoder().encodeToString(checksum.getChecksumBytes());
	}

	/** Read the slice into the buffer, then check the file is still the one listed. */
	static ByteBuffer read(SourceFile file, long position, ByteBuffer buffer) throws IOException {
		try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
			while (buffer.hasRemaining()) {
				if (channel.read(buffer, position + buffer.position()) < 0) {
					throw new SourceChangedException(file.path(),
							"it became shorter than the " + file.size() + " bytes listed", null);
				}
			}
		}
		catch (NoSuchFileException ex) {
			throw new SourceChangedException(file.path(), "it disappeared", ex);
		}
		file.requireUnchanged();
		return buffer.flip();
	}

	private static void nothing() {
	}

	/**
	 * At most {@code max} buffers, taken and given back; a buffer too small for a file is replaced by a
	 * larger one (up to {@link InMemoryPut#LIMIT}).
	 */
	static final class Pool {

		private final int max;

		private final ArrayDeque<ByteBuffer> idle = new ArrayDeque<>();

		private int created;

		Pool(int max) {
			this.max = max;
		}

		synchronized @Nullable ByteBuffer take(int size) {
			ByteBuffer buffer = this.idle.pollFirst();
			if (buffer == null && this.created < this.max) {
				this.created++;
				buffer = ByteBuffer.allocate(capacity(size));
			}
			else if (buffer != null && buffer.capacity() < size) {
				buffer = ByteBuffer.allocate(capacity(size));
			}
			return (buffer != null) ? buffer.clear().limit(size) : null;
		}

		synchronized void give(ByteBuffer buffer) {
			this.idle.addFirst(buffer);
		}

		private static int capacity(int size) {
			int rounded = (size <= MIN_BUFFER) ? MIN_BUFFER : Integer.highestOneBit(size - 1) << 1;
			return Math.min(Math.max(rounded, size), LIMIT);
		}

	}

}
