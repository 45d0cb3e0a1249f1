package dev.stagekit.client.upload.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;

import dev.stagekit.client.upload.SourceChangedException;
import dev.stagekit.client.upload.internal.SourceScanner.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The in-memory PUT's one read of a file (checked against the listing afterwards) and its bounded buffers.
 */
class InMemoryPutTests {

	@TempDir
	Path temp;

	@Test
	void readWhenFileIsAsListedShouldReturnItsBytes() throws IOException {
		byte[] content = new byte[100_000];
		Arrays.fill(content, (byte) 7);
		content[99_999] = 9;
		Path file = Files.write(this.temp.resolve("a.bin"), content);
		ByteBuffer read = InMemoryPut.read(listed(file), 0, ByteBuffer.allocate(content.length));
		assertThat(read.remaining()).isEqualTo(content.length);
		assertThat(read.array()).isEqualTo(content);
	}

	@Test
	void readWhenFileGrewAfterListingShouldReportTheChange() throws IOException {
		Path file = Files.write(this.temp.resolve("grew.bin"), new byte[10]);
		SourceFile listed = listed(file);
		Files.write(file, new byte[11]);
		assertThatExceptionOfType(SourceChangedException.class)
			.isThrownBy(() -> InMemoryPut.read(listed, 0, ByteBuffer.allocate(10)))
			.withMessageContaining(file.toString())
			.withMessageContaining("size 10 -> 11 bytes");
	}

	@Test
	void readWhenFileWasRewrittenWithTheSameSizeShouldReportTheNewModificationTime() throws IOException {
		Path file = Files.write(this.temp.resolve("touched.bin"), new byte[10]);
		SourceFile listed = listed(file);
		Files.setLastModifiedTime(file, FileTime.fromMillis(listed.lastModified().toMillis() + 5_000));
		assertThatExceptionOfType(SourceChangedException.class)
			.isThrownBy(() -> InMemoryPut.read(listed, 0, ByteBuffer.allocate(10)))
			.withMessageContaining("modified at");
	}

	@Test
	void readWhenFileShrankShouldSayItBecameShorter() throws IOException {
		Path file = Files.write(this.temp.resolve("shrank.bin"), new byte[20]);
		SourceFile listed = listed(file);
		Files.write(file, new byte[5]);
		assertThatExceptionOfType(SourceChangedException.class)
			.isThrownBy(() -> InMemoryPut.read(listed, 0, ByteBuffer.allocate(20)))
			.withMessageContaining("it became shorter than the 20 bytes listed");
	}

	@Test
	void readWhenFileDisappearedShouldSaySo() throws IOException {
		Path file = Files.write(this.temp.resolve("gone.bin"), new byte[20]);
		SourceFile listed = listed(file);
		Files.delete(file);
		assertThatExceptionOfType(SourceChangedException.class)
			.isThrownBy(() -> InMemoryPut.read(listed, 0, ByteBuffer.allocate(20)))
			.withMessageContaining("it disappeared");
	}

	@Test
	void poolShouldHandOutAtMostItsBuffersAndReuseThem() {
		InMemoryPut.Pool pool = new InMemoryPut.Pool(2);
		ByteBuffer first = pool.take(1_000);
		ByteBuffer second = pool.take(InMemoryPut.LIMIT);
		assertThat(first).isNotNull();
		assertThat(second).isNotNull();
		assertThat(pool.take(10)).isNull();
		assertThat(first.remaining()).isEqualTo(1_000);
		assertThat(second.capacity()).isEqualTo(InMemoryPut.LIMIT);
		pool.give(first);
		ByteBuffer again = pool.take(2_000);
		assertThat(again).isSameAs(first);
		assertThat(again.remaining()).isEqualTo(2_000);
		pool.give(again);
		// Too small for this one: replaced by a larger buffer, never more buffers than the pool holds.
		ByteBuffer larger = pool.take(3 * 1024 * 1024);
		assertThat(larger).isNotSameAs(first);
		assertThat(larger.capacity()).isBetween(3 * 1024 * 1024, InMemoryPut.LIMIT);
		assertThat(pool.take(10)).isNull();
	}

	private static SourceFile listed(Path file) throws IOException {
		return new SourceFile(file, file.getFileName().toString(), Files.size(file), Files.getLastModifiedTime(file));
	}

}
