package dev.stagekit.client.upload.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Cuts a stream of buffers into parts of a fixed size, holding one part at a time. A full part is handed
 * out only when the next byte arrives, so the part handed out by {@link #finish()} is known to be the last.
 */
final class StreamChunker {

	private final int partSize;

	private byte[] current;

	private int filled;

	private long total;

	StreamChunker(int partSize) {
		this.partSize = partSize;
		this.current = new byte[partSize];
	}

	/**
	 * Take a buffer (released here) and return the parts it completed.
	 * @param buffer the buffer
	 * @return the completed parts, none of them the last
	 */
	List<Chunk> accept(DataBuffer buffer) {
		List<Chunk> full = new ArrayList<>(1);
		try {
			int remaining = buffer.readableByteCount();
			this.total += remaining;
			while (remaining > 0) {
				if (this.filled == this.partSize) {
					full.add(new Chunk(this.current, this.filled, false));
					this.current = new byte[this.partSize];
					this.filled = 0;
				}
				int count = Math.min(remaining, this.partSize - this.filled);
				buffer.read(this.current, this.filled, count);
				this.filled += count;
				remaining -= count;
			}
		}
		finally {
			DataBufferUtils.release(buffer);
		}
		return full;
	}

	/**
	 * Return the last part (possibly empty).
	 * @return the last part
	 */
	Chunk finish() {
		return new Chunk(this.current, this.filled, true);
	}

	/**
	 * Bytes taken so far.
	 * @return the count
	 */
	long total() {
		return this.total;
	}

	/**
	 * One part's bytes.
	 *
	 * @param data the array (only the first {@code length} bytes count)
	 * @param length the byte count
	 * @param last whether no part follows
	 */
	record Chunk(byte[] data, int length, boolean last) {
	}

}
