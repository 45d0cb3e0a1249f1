package dev.stagekit.bulkwriter.internal;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Parquet compressors without Hadoop: parquet-java's own codec factory loads Hadoop's compression classes
 * even for uncompressed files, so this one replaces it. Uncompressed, and Snappy through snappy-java.
 */
public final class PlainCodecs implements CompressionCodecFactory {

	/** The shared instance. */
	public static final PlainCodecs INSTANCE = new PlainCodecs();

	private PlainCodecs() {
	}

	@Override
	public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
		return switch (codecName) {
			case UNCOMPRESSED -> new Compressor(CompressionCodecName.UNCOMPRESSED);
			case SNAPPY -> new Compressor(CompressionCodecName.SNAPPY);
			default -> throw new IllegalArgumentException(
					"Only UNCOMPRESSED and SNAPPY Parquet files can be written without Hadoop, not " + codecName);
		};
	}

	@Override
	public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
		boolean snappy = switch (codecName) {
			case UNCOMPRESSED -> false;
			case SNAPPY -> true;
			default -> throw new IllegalArgumentException("Only UNCOMPRESSED and SNAPPY are supported, not " + codecName);
		};
		return new BytesInputDecompressor() {

			@Override
			@SuppressWarnings("deprecation") // see compress
			public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
				if (!snappy) {
					return bytes;
				}
				byte[] out = new byte[decompressedSize];
				byte[] in = bytes.toByteArray();
				Snappy.uncompress(in, 0, in.length, out, 0);
				return BytesInput.from(out);
			}

			@Override
			public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
					throws IOException {
				byte[] in = new byte[compressedSize];
				input.get(in);
				byte[] out = snappy ? Snappy.uncompress(in) : in;
				output.put(out, 0, decompressedSize);
			}

			@Override
			public void release() {
			}

		};
	}

	@Override
	public void release() {
	}

	private record Compressor(CompressionCodecName codec) implements BytesInputCompressor {

		@Override
		@SuppressWarnings("deprecation") // toByteBuffer() copies at most once; its replacement needs an allocator
		public BytesInput compress(BytesInput bytes) throws IOException {
			if (this.codec == CompressionCodecName.UNCOMPRESSED) {
				return bytes;
			}
			ByteBuffer input = bytes.toByteBuffer();
			byte[] in;
			int offset;
			int length = input.remaining();
			if (input.hasArray()) {
				in = input.array();
				offset = input.arrayOffset() + input.position();
			}
			else {
				in = new byte[length];
				input.get(in);
				offset = 0;
			}
			byte[] out = new byte[Snappy.maxCompressedLength(length)];
			int compressed = Snappy.compress(in, offset, length, out, 0);
			return BytesInput.from(out, 0, compressed);
		}

		@Override
		public CompressionCodecName getCodecName() {
			return this.codec;
		}

		@Override
		public void release() {
		}

	}

}
