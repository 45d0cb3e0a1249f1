package dev.stagekit.client.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32C;

import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.emulator.DataPlaneFault;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import static dev.stagekit.client.upload.UploadTestSupport.createVolume;
import static dev.stagekit.client.upload.UploadTestSupport.sha256;
import static dev.stagekit.client.upload.UploadTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small object goes in one plain {@code PutObject} whose checksum travels in a header computed ahead (no
 * {@code aws-chunked} body, no trailer), checked by the store; larger ones keep streaming. Asserted on the
 * requests as they leave the client (an interceptor sees the final, signed request) and on what landed.
 */
class SmallPutWireTests {

	private static final int MIB = 1024 * 1024;

	@RegisterExtension
	static final UploadEmulator upload = UploadEmulator.create();

	private final ZillizCloudEmulator emulator = upload.emulator();

	private final ZillizCloudClients clients = upload.clients();

	private final List<SdkHttpRequest> sent = new CopyOnWriteArrayList<>();

	private final AtomicInteger builds = new AtomicInteger();

	@TempDir
	Path temp;

	@Test
	void uploadWhenSmallFileShouldSendItsCrc32cInAHeaderWithAPlainBody() {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("small.bin"), 200_000, 41);
		try (FileManagers files = fileManagers((settings) -> settings)) {
			files.volume(volume).upload(file, "s");
		}
		assertThat(emulator.sha256(prefix(volume) + "s/small.bin")).isEqualTo(sha256(file));
		SdkHttpRequest put = single(puts());
		assertPlain(put, 200_000);
		assertThat(header(put, "x-amz-checksum-crc32c")).isEqualTo(crc32c(file));
		assertThat(emulator.requestCount("s3:PutObject")).isEqualTo(1);
	}

	@Test
	void uploadWhenSmallBodyIsCorruptedInTransitShouldBeRefusedByTheStoreAndResent() {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("corrupt.bin"), 100_000, 42);
		emulator.inject(DataPlaneFault.corrupt().on("PutObject"));
		try (FileManagers files = fileManagers((settings) -> settings)) {
			files.volume(volume).upload(file, "c");
		}
		assertThat(emulator.sha256(prefix(volume) + "c/corrupt.bin")).isEqualTo(sha256(file));
		assertThat(emulator.requestCount("s3:PutObject")).isEqualTo(2);
		assertThat(puts()).hasSize(2).allSatisfy((put) -> {
			assertPlain(put, 100_000);
			assertThat(header(put, "x-amz-checksum-crc32c")).isEqualTo(crc32c(file));
		});
	}

	@Test
	void uploadWhenChecksumIsSha256ShouldSendThatAlgorithmsHeader() {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("sha.bin"), 70_000, 43);
		emulator.inject(DataPlaneFault.corrupt().on("PutObject"));
		try (FileManagers files = fileManagers((settings) -> settings.checksum(UploadChecksum.SHA256))) {
			files.volume(volume).upload(file, "h");
		}
		assertThat(emulator.sha256(prefix(volume) + "h/sha.bin")).isEqualTo(sha256(file));
		assertThat(emulator.requestCount("s3:PutObject")).isEqualTo(2);
		SdkHttpRequest put = puts().get(0);
		assertPlain(put, 70_000);
		assertThat(header(put, "x-amz-checksum-sha256")).isEqualTo(sha256Base64(file));
		assertThat(put.firstMatchingHeader("x-amz-checksum-crc32c")).isEmpty();
	}

	@Test
	void uploadWhenStreamFitsOneRequestShouldSendItFromMemoryWithTheHeader() throws IOException {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("stream.bin"), 90_000, 44);
		try (FileManagers files = fileManagers((settings) -> settings)) {
			StepVerifier
				.create(files.reactiveVolume(volume)
					.upload(DataBufferUtils.read(file, DefaultDataBufferFactory.sharedInstance, 16 * 1024), "in/stream.bin",
							Files.size(file)))
				.expectNextCount(1)
				.verifyComplete();
		}
		assertThat(emulator.sha256(prefix(volume) + "in/stream.bin")).isEqualTo(sha256(file));
		SdkHttpRequest put = single(puts());
		assertPlain(put, 90_000);
		assertThat(header(put, "x-amz-checksum-crc32c")).isEqualTo(crc32c(file));
	}

	@Test
	void uploadWhenFileIsAboveTheInMemoryLimitShouldStreamItWithATrailer() {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("nine.bin"), 9 * MIB, 45);
		try (FileManagers files = fileManagers((settings) -> settings.partSize(16L * MIB))) {
			files.volume(volume).upload(file, "n");
		}
		assertThat(emulator.sha256(prefix(volume) + "n/nine.bin")).isEqualTo(sha256(file));
		SdkHttpRequest put = single(puts());
		assertThat(header(put, "Content-Encoding")).contains("aws-chunked");
		assertThat(header(put, "x-amz-trailer")).isEqualTo("x-amz-checksum-crc32c");
	}

	@Test
	void uploadsOfOneEngineShouldShareOneS3ClientAcrossCredentialRenewals() {
		String first = createVolume(clients, emulator);
		String second = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("shared.bin"), 10_000, 46);
		try (FileManagers files = fileManagers((settings) -> settings)) {
			files.volume(first).upload(file, "a");
			emulator.expireCredentials();
			files.volume(second).upload(file, "b");
			files.volume(first).upload(file, "c");
		}
		assertThat(this.builds).hasValue(1);
		assertThat(emulator.requestCount("POST /v2/volumes/apply")).isEqualTo(3);
		assertThat(emulator.sha256(prefix(first) + "a/shared.bin")).isEqualTo(sha256(file));
		assertThat(emulator.sha256(prefix(second) + "b/shared.bin")).isEqualTo(sha256(file));
		assertThat(emulator.sha256(prefix(first) + "c/shared.bin")).isEqualTo(sha256(file));
		// Each upload signed with the credentials of its own apply.
		assertThat(puts().stream().map((put) -> header(put, "x-amz-security-token")).distinct()).hasSize(3);
	}

	private FileManagers fileManagers(UnaryOperator<UploadSettings.Builder> settings) {
		ExecutionInterceptor recorder = new ExecutionInterceptor() {

			@Override
			public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
				SmallPutWireTests.this.sent.add(context.httpRequest());
			}

		};
		return upload.fileManagers(settings, (files) -> files.s3ClientCustomizer((s3) -> {
			this.builds.incrementAndGet();
			s3.overrideConfiguration((o) -> o.addExecutionInterceptor(recorder));
		}));
	}

	private List<SdkHttpRequest> puts() {
		return this.sent.stream()
			.filter((request) -> request.method() == SdkHttpMethod.PUT && request.rawQueryParameters().isEmpty())
			.toList();
	}

	private static SdkHttpRequest single(List<SdkHttpRequest> requests) {
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private static void assertPlain(SdkHttpRequest put, long length) {
		Map<String, List<String>> headers = put.headers();
		assertThat(header(put, "Content-Length")).isEqualTo(Long.toString(length));
		assertThat(put.firstMatchingHeader("Content-Encoding").orElse("")).doesNotContain("aws-chunked");
		assertThat(put.firstMatchingHeader("x-amz-trailer")).isEmpty();
		assertThat(put.firstMatchingHeader("x-amz-decoded-content-length")).isEmpty();
		assertThat(header(put, "x-amz-content-sha256")).doesNotStartWith("STREAMING-");
		assertThat(headers.keySet().stream().map((name) -> name.toLowerCase(Locale.ROOT))
			.filter((name) -> name.startsWith("x-amz-checksum-"))).hasSize(1);
	}

	private static String header(SdkHttpRequest request, String name) {
		return request.firstMatchingHeader(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
	}

	private String prefix(String volume) {
		return emulator.volumePrefix(volume).orElseThrow();
	}

	private static String crc32c(Path file) {
		CRC32C crc = new CRC32C();
		crc.update(bytes(file));
		long value = crc.getValue();
		return Base64.getEncoder()
			.encodeToString(new byte[] { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value });
	}

	private static String sha256Base64(Path file) {
		try {
			return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes(file)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] bytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
