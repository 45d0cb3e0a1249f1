package dev.stagekit.client.upload.internal;

import java.nio.ByteBuffer;

import dev.stagekit.client.upload.internal.StreamChunker.Chunk;
import software.amazon.awssdk.core.async.AsyncRequestBody;

/**
 * A chunk of a stream, held in memory.
 *
 * @param chunk the chunk
 */
record StreamChunkPart(Chunk chunk) implements PartBody {

	@Override
	public long length() {
		return this.chunk.length();
	}

	@Override
	public AsyncRequestBody body() {
		return AsyncRequestBody
			.fromRemainingByteBufferUnsafe(ByteBuffer.wrap(this.chunk.data(), 0, this.chunk.length()));
	}

	@Override
	public void failedAttempt() {
	}

}
