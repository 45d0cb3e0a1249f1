package dev.stagekit.benchmarks;

import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import dev.stagekit.benchmarks.EmulatorProcess.Apply;
import io.minio.MinioAsyncClient;
import io.minio.PutObjectArgs;
import io.minio.credentials.StaticProvider;
import io.minio.http.HttpUtils;
import okhttp3.OkHttpClient;

/**
 * The official Java SDK's storage layer at its defaults: minio-java driven the way the SDK's
 * {@code VolumeFileManager.uploadFilesAsync} drives it (contract 3.1, 3.4 and 4.4). Per upload: one {@code apply};
 * a new {@code MinioAsyncClient} on minio's default OkHttp client (5-minute timeouts; over TLS with the emulator's CA
 * added the way minio adds {@code SSL_CERT_FILE}); a fresh pool of 5 threads, one task per file, each a blocking
 * {@code putObject(PutObjectArgs.stream(in, size, partSize)).get()} whose parts go one after another; the HTTP
 * client's dispatcher and pool closed at the end. A bare {@code host:port} endpoint is sent as
 * {@code https://host:port}, as a client that accepts the real service's endpoint would.
 */
final class MinioUploader implements Uploader {

	/** The SDK's default {@code uploadConcurrency}. */
	static final int FILES_AT_ONCE = 5;

	private static final long MIB = Workload.MIB;

	private static final long MINIO_DEFAULT_TIMEOUT = TimeUnit.MINUTES.toMillis(5);

	private final EmulatorProcess emulator;

	private final String volume;

	private final Path caPem;

	private final UnaryOperator<OkHttpClient> customizer;

	MinioUploader(EmulatorProcess emulator, String volume, boolean tls, UnaryOperator<OkHttpClient> customizer) {
		this.emulator = emulator;
		this.volume = volume;
		this.caPem = tls ? emulator.ready().caPem() : null;
		this.customizer = customizer;
	}

	@Override
	public String id() {
		return "minio";
	}

	@Override
	public String label() {
		return "official Java SDK's storage layer (minio-java 8.5.17) at its defaults";
	}

	@Override
	public String concurrency() {
		return FILES_AT_ONCE + " × 1";
	}

	@Override
	public boolean appliesPerUpload() {
		return true;
	}

	/** The official SDK's part size (contract 3.4): at least 5 MiB, about 1,000 parts, whole MiB. */
	static long partSize(long fileSize) {
		if (fileSize <= 0) {
			return 5 * MIB;
		}
		long size = Math.max(5 * MIB, Math.max(ceilDiv(fileSize, 1000), ceilDiv(fileSize, 10_000)));
		return ceilDiv(size, MIB) * MIB;
	}

	private static long ceilDiv(long value, long divisor) {
		return (value + divisor - 1) / divisor;
	}

	@Override
	public void upload(Workload workload, String target) throws Exception {
		Apply apply = this.emulator.apply(this.volume, target);
		OkHttpClient http = HttpUtils.newDefaultHttpClient(MINIO_DEFAULT_TIMEOUT, MINIO_DEFAULT_TIMEOUT,
				MINIO_DEFAULT_TIMEOUT);
		if (this.caPem != null) {
			http = HttpUtils.enableExternalCertificates(http, this.caPem.toString());
		}
		if (this.customizer != null) {
			http = this.customizer.apply(http);
		}
		MinioAsyncClient.Builder builder = MinioAsyncClient.builder()
			.endpoint(apply.uri().toString())
			.credentialsProvider(new StaticProvider(apply.accessKey(), apply.secretKey(), apply.sessionToken()))
			.httpClient(http);
		if (!apply.region().isEmpty()) {
			builder.region(apply.region());
		}
		MinioAsyncClient client = builder.build();
		ExecutorService pool = Executors.newFixedThreadPool(FILES_AT_ONCE);
		AtomicLong read = new AtomicLong();
		try {
			List<CompletableFuture<?>> futures = new ArrayList<>(workload.files.size());
			for (Path file : workload.files) {
				String key = apply.keyPrefix() + target + workload.relative(file);
				long size = workload.size(file);
				futures.add(CompletableFuture.runAsync(() -> {
					try (InputStream in = new Counting(new FileInputStream(file.toFile()), read)) {
						client.putObject(PutObjectArgs.builder()
							.bucket(apply.bucket())
							.object(key)
							.stream(in, size, partSize(size))
							.build()).get();
					}
					catch (Exception ex) {
						throw new IllegalStateException("minio-java failed on " + key + ": " + ex, ex);
					}
				}, pool));
			}
			CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
		}
		finally {
			pool.shutdown();
			http.dispatcher().executorService().shutdown();
			http.connectionPool().evictAll();
		}
		if (read.get() != workload.bytes) {
			throw new IllegalStateException("minio-java read " + read.get() + " bytes, expected " + workload.bytes);
		}
	}

	@Override
	public void close() {
	}

	/** Counts the bytes read, as the SDK's {@code ProgressInputStream} reports them. */
	private static final class Counting extends FilterInputStream {

		private final AtomicLong count;

		Counting(InputStream in, AtomicLong count) {
			super(in);
			this.count = count;
		}

		@Override
		public int read() throws IOException {
			int value = super.read();
			if (value >= 0) {
				this.count.incrementAndGet();
			}
			return value;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			int count = super.read(bytes, offset, length);
			if (count > 0) {
				this.count.addAndGet(count);
			}
			return count;
		}

	}

}
