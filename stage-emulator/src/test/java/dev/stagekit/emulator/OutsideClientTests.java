package dev.stagekit.emulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import javax.net.ssl.TrustManagerFactory;

import dev.stagekit.emulator.OutsideClients.Applied;
import dev.stagekit.emulator.OutsideClients.Raw;
import dev.stagekit.emulator.internal.SessionRegistry.Session;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.minio.messages.Part;
import io.minio.messages.Upload;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import static dev.stagekit.emulator.OutsideClients.assertMinioError;
import static dev.stagekit.emulator.OutsideClients.bytes;
import static dev.stagekit.emulator.OutsideClients.sha256;
import static dev.stagekit.emulator.OutsideClients.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The data plane driven by clients nobody on this project wrote, over TLS on the default settings,
 * with credentials and endpoint from a real {@code apply}: minio-java (inside the official Java
 * SDK), the AWS SDK v2, and raw SigV4-signed requests.
 */
class OutsideClientTests {

	private static final int MIB = 1 << 20;

	private static ZillizCloudEmulator emulator;

	private static OkHttpClient okHttp;

	private static SdkAsyncHttpClient netty;

	private static Applied a;

	private static Applied b;

	@BeforeAll
	static void start() throws Exception {
		emulator = ZillizCloudEmulator.builder().start();
		okHttp = OutsideClients.okHttp(emulator.trustStore());
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(emulator.trustStore());
		netty = NettyNioAsyncHttpClient.builder().tlsTrustManagersProvider(trust::getTrustManagers).build();
		a = OutsideClients.createAndApply(emulator.controlPlaneUrl(), emulator.apiKey(), "vol_a", "");
		b = OutsideClients.createAndApply(emulator.controlPlaneUrl(), emulator.apiKey(), "vol_b", "");
	}

	@AfterAll
	static void stop() {
		netty.close();
		emulator.close();
	}

	@Test
	void minioPutObjectWhenAppliedEndpointUsedAsIsShouldStoreTheExactBytes() throws Exception {
		byte[] data = "id,vector\n1,[0.1,0.2]\n".getBytes(StandardCharsets.UTF_8);
		String key = a.uploadPath() + "minio/rows.csv";
		MinioClient minio = OutsideClients.minio(a, okHttp);
		minio.putObject(PutObjectArgs.builder().bucket(a.bucket()).object(key).stream(stream(data), data.length, -1).build());
		assertThat(emulator.sha256(key)).isEqualTo(sha256(data));
		try (var in = minio.getObject(GetObjectArgs.builder().bucket(a.bucket()).object(key).build())) {
			assertThat(in.readAllBytes()).isEqualTo(data);
		}
	}

	@Test
	void minioMultipartWhenAboveThePartSizeShouldStoreTheExactBytesInThreeParts() throws Exception {
		byte[] data = bytes(12 * MIB, 1);
		String key = a.uploadPath() + "minio/big.parquet";
		long partsBefore = emulator.requestCount("s3:UploadPart");
		long completesBefore = emulator.requestCount("s3:CompleteMultipartUpload");
		OutsideClients.minio(a, okHttp)
			.putObject(PutObjectArgs.builder().bucket(a.bucket()).object(key).stream(stream(data), data.length, 5L * MIB).build());
		assertThat(emulator.sha256(key)).isEqualTo(sha256(data));
		assertThat(emulator.requestCount("s3:UploadPart") - partsBefore).isEqualTo(3);
		assertThat(emulator.requestCount("s3:CompleteMultipartUpload") - completesBefore).isEqualTo(1);
		assertThat(emulator.incompleteUploads()).noneMatch((upload) -> upload.key().equals(key));
	}

	@Test
	void minioListObjectsV2WhenInsideScopeShouldListAndOutsideShouldBeDenied() throws Exception {
		MinioClient minio = OutsideClients.minio(a, okHttp);
		for (int i = 0; i < 3; i++) {
			byte[] data = ("{\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8);
			minio.putObject(PutObjectArgs.builder()
				.bucket(a.bucket())
				.object(a.uploadPath() + "list/f" + i + ".json")
				.stream(stream(data), data.length, -1)
				.build());
		}
		long listsBefore = emulator.requestCount("s3:ListObjectsV2");
		List<String> keys = new ArrayList<>();
		for (Result<Item> item : minio.listObjects(ListObjectsArgs.builder()
			.bucket(a.bucket())
			.prefix(a.uploadPath() + "list/")
			.recursive(true)
			.build())) {
			keys.add(item.get().objectName());
		}
		assertThat(keys).containsExactly(a.uploadPath() + "list/f0.json", a.uploadPath() + "list/f1.json",
				a.uploadPath() + "list/f2.json");
		assertThat(emulator.requestCount("s3:ListObjectsV2") - listsBefore).isEqualTo(1);
		assertMinioError(() -> minio.listObjects(ListObjectsArgs.builder().bucket(a.bucket()).prefix(b.uploadPath()).build())
			.iterator()
			.next()
			.get(), 403, "AccessDenied");
	}

	@Test
	void minioJsMultipartSequenceWhenListingUploadsFirstShouldCompleteTheExactBytes() throws Exception {
		// MinIO JS fPutObject above one part: ListMultipartUploads for the key, then create, parts, complete.
		byte[] data = bytes(11 * MIB, 2);
		String key = a.uploadPath() + "minio-js/rows.parquet";
		MinioAsyncClient minio = OutsideClients.minioAsync(a, okHttp);
		emulator.resetRequestCounts();
		List<Upload> existing = minio.listMultipartUploadsAsync(a.bucket(), a.region(), null, null, null, null, key, null,
				null, null)
			.get()
			.result()
			.uploads();
		assertThat(existing).isEmpty();
		String uploadId = minio.createMultipartUploadAsync(a.bucket(), a.region(), key, null, null).get().result().uploadId();
		List<Part> parts = new ArrayList<>();
		for (int number = 1, offset = 0; offset < data.length; number++, offset += 5 * MIB) {
			byte[] part = java.util.Arrays.copyOfRange(data, offset, Math.min(data.length, offset + 5 * MIB));
			String eTag = minio.uploadPartAsync(a.bucket(), a.region(), key, part, part.length, uploadId, number, null, null)
				.get()
				.etag();
			parts.add(new Part(number, eTag));
		}
		minio.completeMultipartUploadAsync(a.bucket(), a.region(), key, uploadId, parts.toArray(new Part[0]), null, null)
			.get();
		assertThat(emulator.sha256(key)).isEqualTo(sha256(data));
		assertThat(emulator.requestCount("s3:ListMultipartUploads")).isEqualTo(1);
		assertThat(emulator.requestCount("s3:CreateMultipartUpload")).isEqualTo(1);
		assertThat(emulator.requestCount("s3:UploadPart")).isEqualTo(3);
		assertThat(emulator.requestCount("s3:CompleteMultipartUpload")).isEqualTo(1);
	}

	@Test
	void minioListMultipartUploadsShouldShowOnlyTheScopeAndAbortShouldRemoveIt() throws Exception {
		MinioAsyncClient minioA = OutsideClients.minioAsync(a, okHttp);
		MinioAsyncClient minioB = OutsideClients.minioAsync(b, okHttp);
		String keyA = a.uploadPath() + "pending/a.parquet";
		String keyB = b.uploadPath() + "pending/b.parquet";
		String uploadA = minioA.createMultipartUploadAsync(a.bucket(), a.region(), keyA, null, null).get().result().uploadId();
		String uploadB = minioB.createMultipartUploadAsync(b.bucket(), b.region(), keyB, null, null).get().result().uploadId();
		List<Upload> listed = minioA.listMultipartUploadsAsync(a.bucket(), a.region(), null, null, null, null,
				a.uploadPath(), null, null, null)
			.get()
			.result()
			.uploads();
		assertThat(listed).extracting(Upload::objectName).containsExactly(keyA);
		assertThat(listed).extracting(Upload::uploadId).containsExactly(uploadA);
		assertMinioError(() -> minioA.listMultipartUploadsAsync(a.bucket(), a.region(), null, null, null, null,
				b.uploadPath(), null, null, null).get(), 403, "AccessDenied");
		assertMinioError(() -> minioA.listMultipartUploadsAsync(a.bucket(), a.region(), null, null, null, null, null, null,
				null, null).get(), 403, "AccessDenied");
		minioA.abortMultipartUploadAsync(a.bucket(), a.region(), keyA, uploadA, null, null).get();
		assertThat(emulator.incompleteUploads()).noneMatch((upload) -> upload.key().equals(keyA))
			.contains(new IncompleteUpload(keyB, uploadB));
		assertMinioError(() -> minioA.abortMultipartUploadAsync(a.bucket(), a.region(), keyB, uploadB, null, null).get(),
				403, "AccessDenied");
		assertThat(emulator.incompleteUploads()).contains(new IncompleteUpload(keyB, uploadB));
	}

	@Test
	void minioRefusalsShouldUseS3sCodesAndLeaveOtherScopesIntact() throws Exception {
		byte[] original = "vol_b's own bytes".getBytes(StandardCharsets.UTF_8);
		String keyB = b.uploadPath() + "refusals/file.json";
		OutsideClients.minio(b, okHttp)
			.putObject(PutObjectArgs.builder().bucket(b.bucket()).object(keyB).stream(stream(original), original.length, -1).build());
		MinioClient minioA = OutsideClients.minio(a, okHttp);
		byte[] data = "{}".getBytes(StandardCharsets.UTF_8);
		// Foreign scope.
		assertMinioError(() -> minioA.putObject(
				PutObjectArgs.builder().bucket(a.bucket()).object(keyB).stream(stream(data), data.length, -1).build()), 403,
				"AccessDenied");
		// Unknown token.
		MinioClient forged = OutsideClients.minio(a.withToken("emu-sts-not-issued"), okHttp);
		assertMinioError(() -> forged.putObject(PutObjectArgs.builder()
			.bucket(a.bucket())
			.object(a.uploadPath() + "refusals/forged.json")
			.stream(stream(data), data.length, -1)
			.build()), 403, "InvalidAccessKeyId");
		// Expired credentials.
		Session expired = emulator.sessions().issue(a.bucket(), a.uploadPath(), Duration.ZERO);
		MinioClient late = OutsideClients.minio(new Applied(a.uploadPath(), a.bucket(), a.endpoint(), a.region(),
				expired.accessKeyId(), expired.secretKey(), expired.sessionToken()), okHttp);
		assertMinioError(() -> late.putObject(PutObjectArgs.builder()
			.bucket(a.bucket())
			.object(a.uploadPath() + "refusals/late.json")
			.stream(stream(data), data.length, -1)
			.build()), 400, "ExpiredToken");
		// A key longer than 1,024 bytes of UTF-8 (512 two-byte characters and one more byte).
		String longKey = a.uploadPath() + "é".repeat((1025 - a.uploadPath().length()) / 2 + 1);
		assertThat(longKey.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1024);
		assertMinioError(() -> minioA.putObject(
				PutObjectArgs.builder().bucket(a.bucket()).object(longKey).stream(stream(data), data.length, -1).build()), 400,
				"KeyTooLongError");
		String fitting = a.uploadPath() + "k".repeat(1024 - a.uploadPath().length());
		minioA.putObject(PutObjectArgs.builder().bucket(a.bucket()).object(fitting).stream(stream(data), data.length, -1).build());
		assertThat(emulator.object(fitting)).isPresent();
		assertThat(emulator.object(longKey)).isEmpty();
		assertThat(emulator.listObjects(a.uploadPath() + "refusals/")).isEmpty();
		assertThat(emulator.sha256(keyB)).isEqualTo(sha256(original));
	}

	@Test
	void rawSignedDotSegmentsWhenInMemoryShouldBeRefusedAndNothingEscape() {
		assertDotSegmentsRefused(emulator, a, b);
	}

	@Test
	void rawSignedDotSegmentsWhenDataDirectoryShouldBeRefusedAndNothingEscape(@TempDir Path dir) {
		try (ZillizCloudEmulator onDisk = ZillizCloudEmulator.builder().dataDirectory(dir).start()) {
			assertDotSegmentsRefused(onDisk,
					OutsideClients.createAndApply(onDisk.controlPlaneUrl(), onDisk.apiKey(), "vol_a", ""),
					OutsideClients.createAndApply(onDisk.controlPlaneUrl(), onDisk.apiKey(), "vol_b", ""));
		}
	}

	/**
	 * {@code volumes/<a>/../<b>/file} with vol_a's credentials: S3 would keep the literal key inside
	 * vol_a; S3Proxy's stores would resolve it to vol_b's file (or fail), so it is refused, and vol_b's
	 * file is neither read nor overwritten.
	 */
	private static void assertDotSegmentsRefused(ZillizCloudEmulator emulator, Applied a, Applied b) {
		byte[] original = "vol_b's own file".getBytes(StandardCharsets.UTF_8);
		String keyB = b.uploadPath() + "file";
		Raw stored = OutsideClients.rawSigned(b, emulator.trustStore(), SdkHttpMethod.PUT, "/" + b.bucket() + "/" + keyB,
				original);
		assertThat(stored.status()).as(stored.body()).isEqualTo(200);
		String escaping = a.uploadPath() + "../" + b.uploadPath().substring("volumes/".length()) + "file";
		assertThat(escaping).startsWith(a.uploadPath()).contains("/../");
		for (SdkHttpMethod method : List.of(SdkHttpMethod.PUT, SdkHttpMethod.GET)) {
			Raw refused = OutsideClients.rawSigned(a, emulator.trustStore(), method, "/" + a.bucket() + "/" + escaping,
					(method == SdkHttpMethod.PUT) ? "overwritten".getBytes(StandardCharsets.UTF_8) : new byte[0]);
			assertThat(refused.status()).as(refused.body()).isEqualTo(400);
			assertThat(refused.errorCode()).isEqualTo("InvalidArgument");
			assertThat(refused.body()).contains("'..' segment").doesNotContain("vol_b's own file");
		}
		Raw dot = OutsideClients.rawSigned(a, emulator.trustStore(), SdkHttpMethod.PUT,
				"/" + a.bucket() + "/" + a.uploadPath() + "./x", "x".getBytes(StandardCharsets.UTF_8));
		assertThat(dot.status()).isEqualTo(400);
		assertThat(dot.errorCode()).isEqualTo("InvalidArgument");
		assertThat(emulator.sha256(keyB)).isEqualTo(sha256(original));
		assertThat(emulator.object(escaping)).isEmpty();
		assertThat(emulator.listObjects(a.uploadPath())).noneMatch((object) -> object.key().contains("/."));
	}

	@Test
	void awsSdkWhenAppliedEndpointUsedAsIsShouldPutListAndRefuseLikeS3() {
		try (S3AsyncClient s3 = S3AsyncClient.builder()
			.httpClient(netty)
			.endpointOverride(URI.create(a.endpoint()))
			.region(Region.of(a.region()))
			.forcePathStyle(true)
			.multipartEnabled(true)
			.multipartConfiguration((m) -> m.thresholdInBytes(8L * MIB).minimumPartSizeInBytes(8L * MIB))
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsSessionCredentials.create(a.accessKey(), a.secretKey(), a.sessionToken())))
			.build()) {
			byte[] data = bytes(20 * MIB, 3);
			String key = a.uploadPath() + "sdk/big.parquet";
			long partsBefore = emulator.requestCount("s3:UploadPart");
			s3.putObject((r) -> r.bucket(a.bucket()).key(key), AsyncRequestBody.fromBytes(data)).join();
			assertThat(emulator.sha256(key)).isEqualTo(sha256(data));
			assertThat(emulator.requestCount("s3:UploadPart") - partsBefore).isEqualTo(3);
			assertThat(s3.listObjectsV2((r) -> r.bucket(a.bucket()).prefix(a.uploadPath() + "sdk/")).join().contents())
				.extracting(S3Object::key)
				.containsExactly(key);
			String pending = a.uploadPath() + "sdk/pending.parquet";
			String uploadId = s3.createMultipartUpload((r) -> r.bucket(a.bucket()).key(pending)).join().uploadId();
			assertThat(s3.listMultipartUploads((r) -> r.bucket(a.bucket()).prefix(a.uploadPath() + "sdk/")).join().uploads())
				.extracting(MultipartUpload::key, MultipartUpload::uploadId)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(pending, uploadId));
			s3.abortMultipartUpload((r) -> r.bucket(a.bucket()).key(pending).uploadId(uploadId)).join();
			assertThat(emulator.incompleteUploads()).noneMatch((upload) -> upload.key().equals(pending));
			assertSdkError(() -> s3.listMultipartUploads((r) -> r.bucket(a.bucket()).prefix(b.uploadPath())).join(), 403,
					"AccessDenied");
			assertSdkError(() -> s3.putObject((r) -> r.bucket(a.bucket()).key(b.uploadPath() + "x.json"),
					AsyncRequestBody.fromString("{}")).join(), 403, "AccessDenied");
			assertSdkError(() -> s3.putObject((r) -> r.bucket(a.bucket()).key(a.uploadPath() + "x".repeat(1025)),
					AsyncRequestBody.fromString("{}")).join(), 400, "KeyTooLongError");
		}
		assertThat(emulator.listObjects(b.uploadPath() + "x")).isEmpty();
	}

	private static void assertSdkError(Runnable call, int status, String code) {
		assertThatExceptionOfType(CompletionException.class).isThrownBy(call::run)
			.havingCause()
			.isInstanceOfSatisfying(S3Exception.class, (ex) -> {
				assertThat(ex.statusCode()).isEqualTo(status);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo(code);
			});
	}

}
