package dev.stagekit.emulator.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import org.gaul.s3proxy.S3ErrorCode;
import org.gaul.s3proxy.S3ProxyException;
import org.gaul.s3proxy.checksum.FlexChecksum;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.checksums.SdkChecksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The aws-chunked parser on its own, fed in reads of every awkward size: the corrupt fault flips
 * one byte of the first chunk's data and nothing else, and the trailing checksum is checked.
 */
class AwsChunkedBodyTests {

	private static final String TRAILER = "x-amz-checksum-crc32c";

	private final byte[] data = random(70_000);

	@Test
	void corruptShouldFlipOneDataByteOfTheFirstChunkAndTheChecksumCatchIt() {
		for (int split : new int[] { 1, 3, 7, 100, 65_536, 1 << 20 }) {
			byte[] body = body(this.data, 65_536, ";chunk-signature=" + "a".repeat(64));
			byte[] sent = body.clone();
			AwsChunkedBody parser = new AwsChunkedBody(TRAILER, this.data.length, true);
			assertThatIOException().as("split %d", split)
				.isThrownBy(() -> feed(parser, sent, split))
				.havingCause()
				.isInstanceOfSatisfying(S3ProxyException.class,
						(ex) -> assertThat(ex.getError()).isEqualTo(S3ErrorCode.BAD_DIGEST));
			int header = ("10000;chunk-signature=" + "a".repeat(64) + "\r\n").length();
			assertThat(parser.flipped()).isTrue();
			assertThat(differences(body, sent)).as("split %d", split).containsExactly(header + 4);
			assertThat(sent[header + 4]).isEqualTo((byte) (body[header + 4] ^ 0xFF));
		}
	}

	@Test
	void intactBodyShouldPassAndATinyFirstChunkShouldStillBeCorruptedInsideItsData() throws IOException {
		byte[] body = body(this.data, 65_536, "");
		feed(new AwsChunkedBody(TRAILER, this.data.length, false), body.clone(), 5);
		byte[] tiny = body(new byte[] { 1, 2 }, 2, "");
		byte[] sent = tiny.clone();
		AwsChunkedBody parser = new AwsChunkedBody(null, 2, true);
		feed(parser, sent, 1);
		assertThat(differences(tiny, sent)).containsExactly("2\r\n".length() + 1);
	}

	private static void feed(AwsChunkedBody parser, byte[] body, int split) throws IOException {
		for (int offset = 0; offset < body.length; offset += split) {
			parser.accept(body, offset, Math.min(split, body.length - offset));
		}
	}

	private static int[] differences(byte[] expected, byte[] actual) {
		return java.util.stream.IntStream.range(0, expected.length).filter((i) -> expected[i] != actual[i]).toArray();
	}

	/** The body the AWS SDK sends: chunks, the last empty chunk, the CRC32C trailer, an empty line. */
	private static byte[] body(byte[] data, int chunkSize, String extension) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int offset = 0; offset < data.length; offset += chunkSize) {
			int length = Math.min(chunkSize, data.length - offset);
			out.writeBytes((Integer.toHexString(length) + extension + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(data, offset, length);
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		SdkChecksum checksum = FlexChecksum.CRC32C.newChecksum();
		checksum.update(data, 0, data.length);
		String crc = Base64.getEncoder().encodeToString(checksum.getChecksumBytes());
		out.writeBytes(("0" + extension + "\r\n" + TRAILER + ":" + crc + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

	private static byte[] random(int size) {
		byte[] bytes = new byte[size];
		new Random(7).nextBytes(bytes);
		return bytes;
	}

}
