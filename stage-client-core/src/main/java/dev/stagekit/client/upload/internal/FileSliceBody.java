package dev.stagekit.client.upload.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.LongConsumer;

import dev.stagekit.client.upload.SourceChangedException;
import dev.stagekit.client.upload.internal.SourceScanner.SourceFile;
import org.reactivestreams.Subscriber;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.core.async.AsyncRequestBody;

/**
 * A request body streaming one slice of a file from disk in small chunks (memory stays flat whatever the
 * file size). Before it signals the end of the body it checks the file still has the size and
 * modification time it was listed with; if not, it fails instead, so the request never completes with
 * a mix of old and new bytes.
 */
final class FileSliceBody implements AsyncRequestBody {

	static final int CHUNK = 256 * 1024;

	private final SourceFile file;

	private final long position;

	private final long length;

	private final LongConsumer onBytes;

	FileSliceBody(SourceFile file, long position, long length, LongConsumer onBytes) {
		this.file = file;
		this.position = position;
		this.length = length;
		this.onBytes = onBytes;
	}

	@Override
	public Optional<Long> contentLength() {
		return Optional.of(this.length);
	}

	@Override
	public String contentType() {
		return "application/octet-stream";
	}

	@Override
	public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
		Flux.using(this::open, this::read, FileSliceBody::close)
			.subscribeOn(Schedulers.boundedElastic())
			.subscribe(subscriber);
	}

	private FileChannel open() throws IOException {
		try {
			return FileChannel.open(this.file.path(), StandardOpenOption.READ);
		}
		catch (NoSuchFileException ex) {
			throw new SourceChangedException(this.file.path(), "it disappeared", ex);
		}
	}

	private Flux<ByteBuffer> read(FileChannel channel) {
		long end = this.position + this.length;
		return Flux.generate(() -> this.position, (offset, sink) -> {
			if (offset >= end) {
				SourceChangedException changed = this.file.changed();
				if (changed != null) {
					sink.error(changed);
				}
				else {
					sink.complete();
				}
				return offset;
			}
			ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, end - offset));
			try {
				while (buffer.hasRemaining()) {
					int read = channel.read(buffer, offset + buffer.position());
					if (read < 0) {
						sink.error(new SourceChangedException(this.file.path(),
								"it became shorter than the " + this.file.size() + " bytes listed", null));
						return offset;
					}
				}
			}
			catch (IOException ex) {
				sink.error(ex);
				return offset;
			}
			buffer.flip();
			int count = buffer.remaining();
			// The subscriber may consume the buffer inside next(): count it first.
			this.onBytes.accept(count);
			sink.next(buffer);
			return offset + count;
		});
	}

	private static void close(FileChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// nothing was written through it
		}
	}

}
