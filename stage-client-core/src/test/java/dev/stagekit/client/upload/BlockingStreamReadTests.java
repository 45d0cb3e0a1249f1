package dev.stagekit.client.upload;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blocking {@link FileManager#upload(InputStream, String, long)} is handed streams whose reads block (a
 * servlet request body, a file, a socket): they must never run on an event loop or a completion thread shared
 * by every upload and, for the control plane's Reactor Netty loop, by every {@code WebClient} of the application.
 */
class BlockingStreamReadTests {

	private static final int MIB = 1024 * 1024;

	@RegisterExtension
	static final UploadEmulator upload = UploadEmulator.create();

	private final ZillizCloudEmulator emulator = upload.emulator();

	private final ZillizCloudClients clients = upload.clients();

	private final FileManagers files = upload.files();

	@Test
	void streamShouldBeReadOnlyOnThreadsThatMayBlock() {
		String volume = UploadTestSupport.createVolume(clients, emulator);
		long size = 23L * MIB;
		Set<String> readers = ConcurrentHashMap.newKeySet();
		Set<Boolean> nonBlocking = ConcurrentHashMap.newKeySet();
		InputStream content = new InputStream() {

			private long position;

			@Override
			public int read() {
				byte[] one = new byte[1];
				return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				readers.add(Thread.currentThread().getName());
				nonBlocking.add(Schedulers.isInNonBlockingThread());
				if (this.position >= size) {
					return -1;
				}
				int count = (int) Math.min(length, size - this.position);
				this.position += count;
				return count;
			}

			@Override
			public void close() throws IOException {
				readers.add("closed");
			}

		};
		UploadResult result = files.volume(volume).upload(content, "streamed/zeros.bin", size);
		assertThat(result.uploadedBytes()).isEqualTo(size);
		assertThat(emulator.requestCount("s3:UploadPart")).isGreaterThanOrEqualTo(3);
		assertThat(nonBlocking).containsOnly(false);
		assertThat(readers).contains("closed")
			.filteredOn((name) -> !name.equals("closed"))
			.isNotEmpty()
			.allMatch((name) -> name.startsWith("boundedElastic-"), "a boundedElastic thread");
	}

}
