package dev.stagekit.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import dev.stagekit.emulator.internal.SessionRegistry.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The data plane over real HTTPS with the AWS SDK v2: uploads land byte for byte, only issued
 * credentials work and only inside their scope, and injected faults behave as storage would.
 */
class DataPlaneTests {

	private static final int MIB = 1 << 20;

	private static ZillizCloudEmulator emulator;

	private static SdkAsyncHttpClient http;

	private static byte[] twentyMib;

	@BeforeAll
	static void start() throws Exception {
		emulator = ZillizCloudEmulator.builder().start();
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(emulator.trustStore());
		http = NettyNioAsyncHttpClient.builder().tlsTrustManagersProvider(trust::getTrustManagers).build();
		twentyMib = new byte[20 * MIB];
		new Random(42).nextBytes(twentyMib);
	}

	@AfterAll
	static void stop() {
		http.close();
		emulator.close();
	}

	@AfterEach
	void clearFaults() {
		emulator.clearFaults();
	}

	@Test
	void putObjectWhenCredentialsIssuedShouldStoreTheExactBytes() throws Exception {
		Session session = session("volumes/put/");
		byte[] data = "id,vector\n1,[0.1,0.2]\n".getBytes();
		try (S3AsyncClient s3 = client(session, false, emulator.dataPlaneUrl())) {
			s3.putObject((b) -> b.bucket(bucket()).key("volumes/put/rows.csv"), AsyncRequestBody.fromBytes(data)).join();
		}
		assertThat(emulator.sha256("volumes/put/rows.csv")).isEqualTo(sha256(data));
		assertThat(emulator.object("volumes/put/rows.csv")).get().extracting(StoredObject::size).isEqualTo((long) data.length);
	}

	@Test
	void multipartUploadWhenManyPartsShouldStoreTheExactBytesAndCountEachPart(@TempDir Path dir) throws Exception {
		Session session = session("volumes/mpu/");
		Path file = Files.write(dir.resolve("big.parquet"), twentyMib);
		long partsBefore = emulator.requestCount("s3:UploadPart");
		long bytesBefore = emulator.dataPlaneBytesReceived();
		try (S3AsyncClient s3 = client(session, true, emulator.dataPlaneUrl())) {
			s3.putObject((b) -> b.bucket(bucket()).key("volumes/mpu/big.parquet"), AsyncRequestBody.fromFile(file)).join();
		}
		assertThat(emulator.sha256("volumes/mpu/big.parquet")).isEqualTo(sha256(twentyMib));
		assertThat(emulator.requestCount("s3:UploadPart") - partsBefore).isEqualTo(3);
		assertThat(emulator.dataPlaneBytesReceived() - bytesBefore).isGreaterThanOrEqualTo(twentyMib.length);
		assertThat(emulator.incompleteUploads()).isEmpty();
	}

	@Test
	void plainHttpPortWhenEnabledShouldServeTheSameStore() throws Exception {
		Session session = session("volumes/plain/");
		try (S3AsyncClient s3 = client(session, false, emulator.dataPlaneHttpUrl())) {
			s3.putObject((b) -> b.bucket(bucket()).key("volumes/plain/a.json"), AsyncRequestBody.fromString("[]")).join();
			byte[] read = s3.getObject((b) -> b.bucket(bucket()).key("volumes/plain/a.json"), AsyncResponseTransformer.toBytes())
				.join()
				.asByteArray();
			assertThat(new String(read)).isEqualTo("[]");
		}
	}

	@Test
	void listObjectsWhenInsideScopeShouldPageAndWhenOutsideShouldBeDenied() {
		Session session = session("volumes/list/");
		try (S3AsyncClient s3 = client(session, false, emulator.dataPlaneUrl())) {
			for (int i = 0; i < 5; i++) {
				String key = "volumes/list/f" + i + ".json";
				s3.putObject((b) -> b.bucket(bucket()).key(key), AsyncRequestBody.fromString("{}")).join();
			}
			ListObjectsV2Response first = s3.listObjectsV2((b) -> b.bucket(bucket()).prefix("volumes/list/").maxKeys(3)).join();
			ListObjectsV2Response second = s3.listObjectsV2((b) -> b.bucket(bucket())
				.prefix("volumes/list/")
				.continuationToken(first.nextContinuationToken())).join();
			assertThat(first.isTruncated()).isTrue();
			assertThat(first.contents()).extracting(S3Object::key)
				.containsExactly("volumes/list/f0.json", "volumes/list/f1.json", "volumes/list/f2.json");
			assertThat(second.contents()).extracting(S3Object::key)
				.containsExactly("volumes/list/f3.json", "volumes/list/f4.json");
			assertS3Error(() -> s3.listObjectsV2((b) -> b.bucket(bucket()).prefix("volumes/")).join(), 403, "AccessDenied");
			assertS3Error(() -> s3.listObjectsV2((b) -> b.bucket(bucket())).join(), 403, "AccessDenied");
		}
	}

	@Test
	void requestWhenKeyOutsideScopeOrOtherBucketOrDeleteShouldBeDenied() {
		Session session = session("volumes/scope/data/");
		try (S3AsyncClient s3 = client(session, false, emulator.dataPlaneUrl())) {
			assertS3Error(() -> s3.putObject((b) -> b.bucket(bucket()).key("volumes/scope/other.json"),
					AsyncRequestBody.fromString("{}")).join(), 403, "AccessDenied");
			assertS3Error(() -> s3.putObject((b) -> b.bucket("another-bucket").key("volumes/scope/data/a.json"),
					AsyncRequestBody.fromString("{}")).join(), 403, "AccessDenied");
			s3.putObject((b) -> b.bucket(bucket()).key("volumes/scope/data/a.json"), AsyncRequestBody.fromString("{}")).join();
			assertS3Error(() -> s3.deleteObject((b) -> b.bucket(bucket()).key("volumes/scope/data/a.json")).join(), 403,
					"AccessDenied");
		}
		assertThat(emulator.object("volumes/scope/data/a.json")).isPresent();
		assertThat(emulator.listObjects("volumes/scope/other")).isEmpty();
	}

	@Test
	void requestWhenTokenUnknownOrSecretWrongShouldBeRefused() {
		Session session = session("volumes/auth/");
		Session forged = new Session(session.accessKeyId(), session.secretKey(), "not-a-token", session.bucket(),
				session.scopePrefix(), session.expiresAt());
		try (S3AsyncClient s3 = client(forged, false, emulator.dataPlaneUrl())) {
			assertS3Error(() -> s3.putObject((b) -> b.bucket(bucket()).key("volumes/auth/a"), AsyncRequestBody.fromString("x"))
				.join(), 403, "InvalidAccessKeyId");
		}
		Session unknownKey = new Session("ASIAUNKNOWN0000000", session.secretKey(), session.sessionToken(),
				session.bucket(), session.scopePrefix(), session.expiresAt());
		try (S3AsyncClient s3 = client(unknownKey, false, emulator.dataPlaneUrl())) {
			assertS3Error(() -> s3.putObject((b) -> b.bucket(bucket()).key("volumes/auth/a"), AsyncRequestBody.fromString("x"))
				.join(), 403, "InvalidAccessKeyId");
		}
		Session wrongSecret = new Session(session.accessKeyId(), "wrong-secret", session.sessionToken(),
				session.bucket(), session.scopePrefix(), session.expiresAt());
		try (S3AsyncClient s3 = client(wrongSecret, false, emulator.dataPlaneUrl())) {
			assertS3Error(() -> s3.putObject((b) -> b.bucket(bucket()).key("volumes/auth/a"), AsyncRequestBody.fromString("x"))
				.join(), 403, "SignatureDoesNotMatch");
		}
		assertThat(emulator.object("volumes/auth/a")).isEmpty();
	}

	@Test
	void requestWhenCredentialsExpiredShouldAnswerExpiredToken() {
		Session expired = emulator.sessions().issue(bucket(), "volumes/expired/", Duration.ZERO);
		try (S3AsyncClient s3 = client(expired, false, emulator.dataPlaneUrl())) {
			assertS3Error(() -> s3.putObject((b) -> b.bucket(bucket()).key("volumes/expired/a"), AsyncRequestBody.fromString("x"))
				.join(), 400, "ExpiredToken");
		}
	}

	@Test
	void applyWhenCalledOnTheControlPlaneShouldIssueCredentialsThatUploadInParts() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		String auth = "Bearer " + emulator.apiKey();
		HttpResponse<String> created = client.send(HttpRequest.newBuilder(emulator.controlPlaneUrl().resolve("/v2/volumes/create"))
			.header("Authorization", auth)
			.POST(HttpRequest.BodyPublishers.ofString("{\"projectId\":\"" + emulator.projectId() + "\",\"regionId\":\""
					+ emulator.regionId() + "\",\"volumeName\":\"flow\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.body()).contains("\"code\":0");
		HttpResponse<String> applied = client.send(HttpRequest.newBuilder(emulator.controlPlaneUrl().resolve("/v2/volumes/apply"))
			.header("Authorization", auth)
			.POST(HttpRequest.BodyPublishers.ofString("{\"volumeName\":\"flow\",\"path\":\"data/\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		var data = tools.jackson.databind.json.JsonMapper.builder().build().readTree(applied.body()).get("data");
		var credentials = data.get("credentials");
		assertThat(data.get("endpoint").asString()).isEqualTo(emulator.dataPlaneUrl().toString());
		Session session = new Session(credentials.get("tmpAK").asString(), credentials.get("tmpSK").asString(),
				credentials.get("sessionToken").asString(), data.get("bucketName").asString(), "", java.time.Instant.MAX);
		String key = data.get("uploadPath").asString() + "rows.parquet";
		try (S3AsyncClient s3 = client(session, true, URI.create(data.get("endpoint").asString()))) {
			s3.putObject((b) -> b.bucket(session.bucket()).key(key), AsyncRequestBody.fromBytes(twentyMib)).join();
			assertS3Error(() -> s3.putObject((b) -> b.bucket(session.bucket()).key(data.get("volumePrefix").asString() + "x.json"),
					AsyncRequestBody.fromString("{}")).join(), 403, "AccessDenied");
		}
		assertThat(emulator.volumePrefix("flow")).get().isEqualTo(data.get("volumePrefix").asString());
		assertThat(emulator.sha256(key)).isEqualTo(sha256(twentyMib));
	}

	@Test
	void slowDownWhenInjectedOnOnePartShouldBeRetriedByTheSdkAndTheUploadComplete(@TempDir Path dir) throws Exception {
		Session session = session("volumes/slow/");
		Path file = Files.write(dir.resolve("big.parquet"), twentyMib);
		emulator.inject(DataPlaneFault.slowDown().onPart(2));
		long partsBefore = emulator.requestCount("s3:UploadPart");
		try (S3AsyncClient s3 = client(session, true, emulator.dataPlaneUrl())) {
			s3.putObject((b) -> b.bucket(bucket()).key("volumes/slow/big.parquet"), AsyncRequestBody.fromFile(file)).join();
		}
		assertThat(emulator.requestCount("s3:UploadPart") - partsBefore).isEqualTo(4);
		assertThat(emulator.sha256("volumes/slow/big.parquet")).isEqualTo(sha256(twentyMib));
	}

	@Test
	void resetWhenInjectedMidPartShouldBeRetriedAndTheObjectIntact(@TempDir Path dir) throws Exception {
		Session session = session("volumes/reset/");
		Path file = Files.write(dir.resolve("big.parquet"), twentyMib);
		emulator.inject(DataPlaneFault.reset().onPart(1));
		long partsBefore = emulator.requestCount("s3:UploadPart");
		try (S3AsyncClient s3 = client(session, true, emulator.dataPlaneUrl())) {
			s3.putObject((b) -> b.bucket(bucket()).key("volumes/reset/big.parquet"), AsyncRequestBody.fromFile(file)).join();
		}
		assertThat(emulator.requestCount("s3:UploadPart") - partsBefore).isEqualTo(4);
		assertThat(emulator.sha256("volumes/reset/big.parquet")).isEqualTo(sha256(twentyMib));
	}

	@Test
	void stallWhenLongerThanTheAttemptTimeoutShouldBeRetried() throws Exception {
		Session session = session("volumes/stall/");
		emulator.inject(DataPlaneFault.stall(Duration.ofSeconds(30)).on("PutObject"));
		long putsBefore = emulator.requestCount("s3:PutObject");
		try (S3AsyncClient s3 = S3AsyncClient.builder()
			.httpClient(http)
			.endpointOverride(emulator.dataPlaneUrl())
			.region(Region.US_WEST_2)
			.forcePathStyle(true)
			.overrideConfiguration((o) -> o.apiCallAttemptTimeout(Duration.ofSeconds(1)))
			.credentialsProvider(credentials(session))
			.build()) {
			s3.putObject((b) -> b.bucket(bucket()).key("volumes/stall/a.json"), AsyncRequestBody.fromString("{}")).join();
		}
		assertThat(emulator.requestCount("s3:PutObject") - putsBefore).isEqualTo(2);
		assertThat(emulator.object("volumes/stall/a.json")).isPresent();
	}

	@Test
	void dropAnswerShouldStoreTheObjectAndLoseTheAnswer() throws Exception {
		Session session = session("volumes/lost/");
		emulator.inject(DataPlaneFault.dropAnswer().on("PutObject"));
		long putsBefore = emulator.requestCount("s3:PutObject");
		try (S3AsyncClient s3 = S3AsyncClient.builder()
			.httpClient(http)
			.endpointOverride(emulator.dataPlaneUrl())
			.region(Region.US_WEST_2)
			.forcePathStyle(true)
			.overrideConfiguration((o) -> o.retryStrategy((r) -> r.maxAttempts(1)))
			.credentialsProvider(credentials(session))
			.build()) {
			assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> s3
				.putObject((b) -> b.bucket(bucket()).key("volumes/lost/a.json"), AsyncRequestBody.fromString("{\"a\":1}"))
				.join());
		}
		assertThat(emulator.requestCount("s3:PutObject") - putsBefore).isEqualTo(1);
		assertThat(emulator.object("volumes/lost/a.json")).isPresent().get().extracting(StoredObject::size)
			.isEqualTo(7L);
	}

	@Test
	void internalErrorWhenBeyondTheSdkRetryBudgetShouldFailTheUpload(@TempDir Path dir) throws Exception {
		Session session = session("volumes/fail/");
		Path file = Files.write(dir.resolve("big.parquet"), twentyMib);
		emulator.inject(DataPlaneFault.internalError().onPart(3).times(50));
		long partsBefore = emulator.requestCount("s3:UploadPart");
		try (S3AsyncClient s3 = client(session, true, emulator.dataPlaneUrl())) {
			assertS3Error(() -> s3.putObject((b) -> b.bucket(bucket()).key("volumes/fail/big.parquet"),
					AsyncRequestBody.fromFile(file)).join(), 500, "InternalError");
		}
		// Parts 1 and 2 once; part 3 as often as the S3 client's default budget allows (4 attempts).
		assertThat(emulator.requestCount("s3:UploadPart") - partsBefore).isEqualTo(6);
		assertThat(emulator.object("volumes/fail/big.parquet")).isEmpty();
	}

	@Test
	void corruptWhenInjectedOnPutObjectShouldBeRejectedByTheChecksumAndNothingStored() throws Exception {
		Session session = session("volumes/corrupt/");
		String key = "volumes/corrupt/rows.parquet";
		byte[] data = Arrays.copyOf(twentyMib, 300_000);
		emulator.inject(DataPlaneFault.corrupt().on("PutObject"));
		long putsBefore = emulator.requestCount("s3:PutObject");
		try (S3AsyncClient s3 = client(session, false, emulator.dataPlaneUrl())) {
			assertThatExceptionOfType(CompletionException.class)
				.isThrownBy(() -> s3.putObject((b) -> b.bucket(bucket()).key(key).checksumAlgorithm(ChecksumAlgorithm.CRC32_C),
						AsyncRequestBody.fromBytes(data)).join())
				.havingCause()
				.isInstanceOfSatisfying(S3Exception.class, (ex) -> {
					assertThat(ex.statusCode()).isEqualTo(400);
					assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
					// Not answered by the gate as a fault: storage read the body and rejected it.
					assertThat(ex.awsErrorDetails().errorMessage()).doesNotContain("Injected");
				});
			assertThat(emulator.requestCount("s3:PutObject") - putsBefore).isEqualTo(1);
			assertThat(emulator.object(key)).isEmpty();
			assertThat(emulator.listObjects("volumes/corrupt/")).isEmpty();
			s3.putObject((b) -> b.bucket(bucket()).key(key).checksumAlgorithm(ChecksumAlgorithm.CRC32_C),
					AsyncRequestBody.fromBytes(data)).join();
		}
		assertThat(emulator.sha256(key)).isEqualTo(sha256(data));
	}

	@Test
	void corruptWhenInjectedOnOnePartShouldFailThatPartUntilResentAndCompleteTheExactBytes() throws Exception {
		Session session = session("volumes/corruptpart/");
		String key = "volumes/corruptpart/big.parquet";
		byte[][] parts = { Arrays.copyOfRange(twentyMib, 0, 8 * MIB), Arrays.copyOfRange(twentyMib, 8 * MIB, 16 * MIB),
				Arrays.copyOfRange(twentyMib, 16 * MIB, 20 * MIB) };
		emulator.inject(DataPlaneFault.corrupt().onPart(2));
		try (S3AsyncClient s3 = client(session, false, emulator.dataPlaneUrl())) {
			String uploadId = s3
				.createMultipartUpload((b) -> b.bucket(bucket()).key(key).checksumAlgorithm(ChecksumAlgorithm.CRC32_C))
				.join()
				.uploadId();
			CompletedPart first = uploadPart(s3, key, uploadId, 1, parts[0]);
			assertThatExceptionOfType(CompletionException.class)
				.isThrownBy(() -> uploadPart(s3, key, uploadId, 2, parts[1]))
				.havingCause()
				.isInstanceOfSatisfying(S3Exception.class, (ex) -> {
					assertThat(ex.statusCode()).isEqualTo(400);
					assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
					assertThat(ex.awsErrorDetails().errorMessage()).doesNotContain("Injected");
				});
			assertThat(s3.listParts((b) -> b.bucket(bucket()).key(key).uploadId(uploadId)).join().parts())
				.extracting(Part::partNumber)
				.containsExactly(1);
			CompletedPart second = uploadPart(s3, key, uploadId, 2, parts[1]);
			CompletedPart third = uploadPart(s3, key, uploadId, 3, parts[2]);
			s3.completeMultipartUpload((b) -> b.bucket(bucket())
				.key(key)
				.uploadId(uploadId)
				.multipartUpload((m) -> m.parts(first, second, third))).join();
		}
		assertThat(emulator.sha256(key)).isEqualTo(sha256(twentyMib));
		assertThat(emulator.incompleteUploads()).noneMatch((upload) -> upload.key().equals(key));
	}

	@Test
	void corruptWhenTheRequestCarriesNoChecksumShouldStoreTheFlippedByte() throws Exception {
		// The control for the two tests above: the fault really flips one byte of the data, and
		// only a checksum catches it.
		Session session = session("volumes/corruptplain/");
		String key = "volumes/corruptplain/rows.csv";
		byte[] data = Arrays.copyOf(twentyMib, 100_000);
		emulator.inject(DataPlaneFault.corrupt().on("PutObject"));
		try (S3AsyncClient s3 = S3AsyncClient.builder()
			.httpClient(http)
			.endpointOverride(emulator.dataPlaneUrl())
			.region(Region.US_WEST_2)
			.forcePathStyle(true)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.credentialsProvider(credentials(session))
			.build()) {
			s3.putObject((b) -> b.bucket(bucket()).key(key), AsyncRequestBody.fromBytes(data)).join();
			byte[] stored = s3.getObject((b) -> b.bucket(bucket()).key(key), AsyncResponseTransformer.toBytes())
				.join()
				.asByteArray();
			assertThat(stored).hasSameSizeAs(data);
			int differing = 0;
			for (int i = 0; i < data.length; i++) {
				if (stored[i] != data[i]) {
					differing++;
					assertThat(stored[i]).isEqualTo((byte) (data[i] ^ 0xFF));
				}
			}
			assertThat(differing).isEqualTo(1);
		}
	}

	@Test
	void multipartUploadWhenStartedAndAbortedShouldBeListedUntilAborted() {
		Session session = session("volumes/abort/");
		try (S3AsyncClient s3 = client(session, false, emulator.dataPlaneUrl())) {
			String uploadId = s3.createMultipartUpload((b) -> b.bucket(bucket()).key("volumes/abort/a.parquet"))
				.join()
				.uploadId();
			s3.uploadPart((b) -> b.bucket(bucket()).key("volumes/abort/a.parquet").uploadId(uploadId).partNumber(1),
					AsyncRequestBody.fromBytes(new byte[1024]))
				.join();
			assertThat(emulator.incompleteUploads()).contains(new IncompleteUpload("volumes/abort/a.parquet", uploadId));
			s3.abortMultipartUpload((b) -> b.bucket(bucket()).key("volumes/abort/a.parquet").uploadId(uploadId)).join();
		}
		assertThat(emulator.incompleteUploads()).noneMatch((upload) -> upload.key().startsWith("volumes/abort/"));
		assertThat(emulator.requestCount("s3:AbortMultipartUpload")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void expiredTokenFaultWhenBeyondTheSdkRetriesShouldAnswerExpiredToken() {
		Session session = session("volumes/expiredfault/");
		emulator.inject(DataPlaneFault.expiredToken().on("PutObject").times(10));
		try (S3AsyncClient s3 = client(session, false, emulator.dataPlaneUrl())) {
			assertS3Error(() -> s3.putObject((b) -> b.bucket(bucket()).key("volumes/expiredfault/a"),
					AsyncRequestBody.fromString("x")).join(), 400, "ExpiredToken");
			emulator.clearFaults();
			s3.putObject((b) -> b.bucket(bucket()).key("volumes/expiredfault/a"), AsyncRequestBody.fromString("x")).join();
		}
		assertThat(emulator.object("volumes/expiredfault/a")).isPresent();
	}

	@Test
	void gcpFlavourWhenBearerTokenValidShouldStoreAndWhenUnknownShouldRefuse() throws Exception {
		try (ZillizCloudEmulator gcp = ZillizCloudEmulator.builder().cloud("gcp").start()) {
			Session session = gcp.sessions().issue(gcp.settings().bucketName(), "volumes/g/", Duration.ofMinutes(5));
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(gcp.trustStore());
			SSLContext tls = SSLContext.getInstance("TLS");
			tls.init(null, trust.getTrustManagers(), null);
			HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
			URI object = gcp.dataPlaneUrl().resolve("/" + gcp.settings().bucketName() + "/volumes/g/rows.json");
			HttpResponse<String> stored = client.send(HttpRequest.newBuilder(object)
				.header("Authorization", "Bearer " + session.sessionToken())
				.PUT(HttpRequest.BodyPublishers.ofString("{\"rows\":[]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> refused = client.send(HttpRequest.newBuilder(object)
				.header("Authorization", "Bearer not-a-token")
				.PUT(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(stored.statusCode()).isEqualTo(200);
			assertThat(gcp.object("volumes/g/rows.json")).get().extracting(StoredObject::size).isEqualTo(11L);
			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(refused.body()).contains("<Code>InvalidAccessKeyId</Code>");
		}
	}

	@Test
	void bearerTokenWhenCloudIsAwsShouldBeDenied() throws Exception {
		Session session = session("volumes/bearer/");
		HttpResponse<String> refused = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(emulator.dataPlaneHttpUrl().resolve("/" + bucket() + "/volumes/bearer/a"))
				.header("Authorization", "Bearer " + session.sessionToken())
				.PUT(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("<Code>AccessDenied</Code>").doesNotContain(session.sessionToken());
	}

	private static CompletedPart uploadPart(S3AsyncClient s3, String key, String uploadId, int number, byte[] data) {
		UploadPartResponse uploaded = s3
			.uploadPart((b) -> b.bucket(bucket())
				.key(key)
				.uploadId(uploadId)
				.partNumber(number)
				.checksumAlgorithm(ChecksumAlgorithm.CRC32_C), AsyncRequestBody.fromBytes(data))
			.join();
		return CompletedPart.builder()
			.partNumber(number)
			.eTag(uploaded.eTag())
			.checksumCRC32C(uploaded.checksumCRC32C())
			.build();
	}

	private static void assertS3Error(Runnable call, int status, String code) {
		assertThatExceptionOfType(CompletionException.class).isThrownBy(call::run)
			.havingCause()
			.isInstanceOfSatisfying(S3Exception.class, (ex) -> {
				assertThat(ex.statusCode()).isEqualTo(status);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo(code);
			});
	}

	private static Session session(String scope) {
		return emulator.sessions().issue(bucket(), scope, Duration.ofMinutes(10));
	}

	private static String bucket() {
		return emulator.settings().bucketName();
	}

	private static StaticCredentialsProvider credentials(Session session) {
		return StaticCredentialsProvider
			.create(AwsSessionCredentials.create(session.accessKeyId(), session.secretKey(), session.sessionToken()));
	}

	private static S3AsyncClient client(Session session, boolean multipart, URI endpoint) {
		return S3AsyncClient.builder()
			.httpClient(http)
			.endpointOverride(endpoint)
			.region(Region.US_WEST_2)
			.forcePathStyle(true)
			.multipartEnabled(multipart)
			.multipartConfiguration((m) -> m.thresholdInBytes(8L * MIB).minimumPartSizeInBytes(8L * MIB))
			.credentialsProvider(credentials(session))
			.build();
	}

	private static String sha256(byte[] data) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
	}

}
