package dev.stagekit.emulator;

import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Random;

import dev.stagekit.emulator.internal.SessionRegistry.Session;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator storing its objects in an external S3 server, as it does with a MinIO container: here a
 * plain S3Proxy in process stands in for MinIO, so the path runs in every build.
 */
class BackingStoreTests {

	private static BlobStore backing;

	private static S3Proxy server;

	private static ZillizCloudEmulator emulator;

	@BeforeAll
	static void start() throws Exception {
		Properties properties = new Properties();
		backing = BlobStores.create("transient", properties);
		server = S3Proxy.builder()
			.blobStore(backing)
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "backing-access", "backing-secret")
			.endpoint(URI.create("http://127.0.0.1:0"))
			.ignoreUnknownHeaders(true)
			.build();
		server.start();
		while (!"STARTED".equals(server.getState())) {
			Thread.onSpinWait();
		}
		emulator = ZillizCloudEmulator.builder()
			.advertisePlainHttp(true)
			.backingStore(BackingStore.of(URI.create("http://127.0.0.1:" + server.getPort()), "backing-access",
					"backing-secret"))
			.start();
	}

	@AfterAll
	static void stop() throws Exception {
		emulator.close();
		server.stop();
	}

	@Test
	void uploadWhenBackingStoreConfiguredShouldLandInItThroughTheEmulatorsDataPlane() throws Exception {
		String bucket = emulator.settings().bucketName();
		String key = "volumes/backed/data/rows.json";
		byte[] content = new byte[3 * 1024 * 1024 + 5];
		new Random(7).nextBytes(content);
		Session session = emulator.sessions().issue(bucket, "volumes/backed/", Duration.ofMinutes(5));
		try (S3AsyncClient s3 = S3AsyncClient.builder()
			.endpointOverride(emulator.dataPlaneHttpUrl())
			.region(Region.US_WEST_2)
			.forcePathStyle(true)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials
				.create(session.accessKeyId(), session.secretKey(), session.sessionToken())))
			.build()) {
			s3.putObject((put) -> put.bucket(bucket).key(key), AsyncRequestBody.fromBytes(content)).join();
		}
		assertThat(backing.containerExists(bucket)).isTrue();
		try (InputStream in = backing.getBlob(bucket, key)) {
			assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(content));
		}
		assertThat(emulator.sha256(key)).isEqualTo(sha256(content));
		assertThat(emulator.listObjects("volumes/backed/")).extracting(StoredObject::key).containsExactly(key);
		assertThat(emulator.settings().backingStore().toString()).doesNotContain("backing-secret");
	}

	private static String sha256(byte[] data) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
	}

}
