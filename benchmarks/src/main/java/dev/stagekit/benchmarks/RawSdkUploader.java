package dev.stagekit.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.zip.CRC32C;

import javax.net.ssl.TrustManager;

import dev.stagekit.benchmarks.EmulatorProcess.Apply;
import io.netty.handler.ssl.SslProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The raw AWS SDK v2 {@link S3AsyncClient} on its Netty client with the credentials of one earlier {@code apply}
 * (no control plane, no bookkeeping): {@code putObject(fromFile)} with a CRC32C checksum, at most N files at once,
 * the SDK's multipart client (8 MiB parts) above 8 MiB.
 * <p>
 * The {@linkplain Variant#PRECOMPUTED_CRC32C prototype} variant shows what a small PutObject costs without the
 * aws-chunked trailer: the file (at most 8 MiB) is read into memory, its CRC32C computed and sent as the
 * {@code x-amz-checksum-crc32c} header, with {@code RequestChecksumCalculation.WHEN_REQUIRED}; the store still
 * verifies it. Large files go through the multipart client as in the default variant. The Netty client uses the
 * JDK's TLS ({@code SslProvider.JDK}, what an application without netty-tcnative gets) except in the OpenSSL variant.
 */
final class RawSdkUploader implements Uploader {

	/** The SDK multipart client's default threshold: smaller files go in one PutObject. */
	static final long MULTIPART_THRESHOLD = 8 * Workload.MIB;

	/** Which request shape to send. */
	enum Variant {

		/** {@code checksumAlgorithm(CRC32_C)} and {@code fromFile}: the SDK frames the body as aws-chunked. */
		DEFAULT,

		/** Prototype: CRC32C precomputed from the bytes in memory, sent as a header; no aws-chunked. */
		PRECOMPUTED_CRC32C,

		/** Prototype: as {@link #PRECOMPUTED_CRC32C}, with Netty's OpenSSL (BoringSSL, tcnative) instead of the JDK's TLS. */
		PRECOMPUTED_CRC32C_OPENSSL

	}

	private final Variant variant;

	private final int filesAtOnce;

	private final SdkAsyncHttpClient http;

	private final S3AsyncClient plain;

	private final S3AsyncClient multipart;

	private final String bucket;

	private final String prefix;

	RawSdkUploader(Variant variant, int filesAtOnce, int maxConnections, Apply apply, TrustManager[] trust,
			ExecutionInterceptor interceptor) {
		this.variant = variant;
		this.filesAtOnce = filesAtOnce;
		this.http = NettyNioAsyncHttpClient.builder()
			.maxConcurrency(maxConnections)
			.sslProvider((variant == Variant.PRECOMPUTED_CRC32C_OPENSSL) ? SslProvider.OPENSSL : SslProvider.JDK)
			.tlsTrustManagersProvider(() -> trust)
			.build();
		this.plain = builder(apply, interceptor).build();
		this.multipart = builder(apply, interceptor).multipartEnabled(true).build();
		this.bucket = apply.bucket();
		this.prefix = apply.keyPrefix();
	}

	private S3AsyncClientBuilder builder(Apply apply, ExecutionInterceptor interceptor) {
		S3AsyncClientBuilder builder = S3AsyncClient.builder()
			.httpClient(this.http)
			.endpointOverride(apply.uri())
			.region(Region.of(apply.signingRegion()))
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(
					AwsSessionCredentials.create(apply.accessKey(), apply.secretKey(), apply.sessionToken())));
		if (this.variant != Variant.DEFAULT) {
			builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
		}
		if (interceptor != null) {
			builder.overrideConfiguration((override) -> override.addExecutionInterceptor(interceptor));
		}
		return builder;
	}

	@Override
	public String id() {
		return id(this.variant);
	}

	static String id(Variant variant) {
		return switch (variant) {
			case DEFAULT -> "raw";
			case PRECOMPUTED_CRC32C -> "raw-crc-header";
			case PRECOMPUTED_CRC32C_OPENSSL -> "raw-crc-header-openssl";
		};
	}

	@Override
	public String label() {
		return switch (this.variant) {
			case DEFAULT -> "raw AWS SDK `S3AsyncClient` (one earlier apply)";
			case PRECOMPUTED_CRC32C -> "prototype: raw SDK, precomputed CRC32C header, no aws-chunked";
			case PRECOMPUTED_CRC32C_OPENSSL -> "prototype: as above, Netty OpenSSL (tcnative) TLS";
		};
	}

	@Override
	public String concurrency() {
		return this.filesAtOnce + " × SDK default";
	}

	@Override
	public boolean appliesPerUpload() {
		return false;
	}

	@Override
	public boolean prototype() {
		return this.variant != Variant.DEFAULT;
	}

	@Override
	public void upload(Workload workload, String target) throws InterruptedException, IOException {
		Semaphore permits = new Semaphore(this.filesAtOnce);
		List<CompletableFuture<?>> futures = new ArrayList<>(workload.files.size());
		for (Path file : workload.files) {
			permits.acquire();
			long size = workload.size(file);
			String key = this.prefix + target + workload.relative(file);
			CompletableFuture<?> future;
			if (size > MULTIPART_THRESHOLD) {
				future = this.multipart.putObject(PutObjectRequest.builder()
					.bucket(this.bucket)
					.key(key)
					.contentLength(size)
					.checksumAlgorithm(ChecksumAlgorithm.CRC32_C)
					.build(), AsyncRequestBody.fromFile(file));
			}
			else if (this.variant != Variant.DEFAULT) {
				// At most 8 MiB per file and N files at once: bounded memory.
				byte[] bytes = Files.readAllBytes(file);
				CRC32C crc = new CRC32C();
				crc.update(bytes);
				String checksum = Base64.getEncoder()
					.encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
				future = this.plain.putObject(PutObjectRequest.builder()
					.bucket(this.bucket)
					.key(key)
					.contentLength(size)
					.contentType("application/octet-stream")
					.checksumCRC32C(checksum)
					.build(), AsyncRequestBody.fromRemainingByteBufferUnsafe(ByteBuffer.wrap(bytes)));
			}
			else {
				future = this.plain.putObject(PutObjectRequest.builder()
					.bucket(this.bucket)
					.key(key)
					.contentLength(size)
					.checksumAlgorithm(ChecksumAlgorithm.CRC32_C)
					.build(), AsyncRequestBody.fromFile(file));
			}
			futures.add(future.whenComplete((response, error) -> permits.release()));
		}
		CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
	}

	/**
	 * CPU milliseconds to build and close one {@code S3AsyncClient} on an existing Netty client, as an engine that
	 * builds one per upload (per {@code apply}) pays.
	 */
	static double clientConstructionCpuMs(Apply apply, TrustManager[] trust) {
		SdkAsyncHttpClient http = NettyNioAsyncHttpClient.builder()
			.sslProvider(SslProvider.JDK)
			.tlsTrustManagersProvider(() -> trust)
			.build();
		try {
			Runnable once = () -> S3AsyncClient.builder()
				.httpClient(http)
				.endpointOverride(apply.uri())
				.region(Region.of(apply.signingRegion()))
				.forcePathStyle(true)
				.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
				.credentialsProvider(StaticCredentialsProvider.create(
						AwsSessionCredentials.create(apply.accessKey(), apply.secretKey(), apply.sessionToken())))
				.build()
				.close();
			for (int i = 0; i < 20; i++) {
				once.run();
			}
			int count = 50;
			long cpu = Jvm.processCpuNanos();
			for (int i = 0; i < count; i++) {
				once.run();
			}
			return (Jvm.processCpuNanos() - cpu) / 1e6 / count;
		}
		finally {
			http.close();
		}
	}

	@Override
	public void close() {
		this.multipart.close();
		this.plain.close();
		this.http.close();
	}

}
