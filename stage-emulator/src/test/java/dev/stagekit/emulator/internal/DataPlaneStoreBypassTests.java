package dev.stagekit.emulator.internal;

import java.lang.reflect.Field;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;

import dev.stagekit.emulator.OutsideClients;
import dev.stagekit.emulator.OutsideClients.Applied;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * S3Proxy's own loopback port serves only requests the front let through: issued credentials sent
 * there directly, around the scope check, are refused.
 */
class DataPlaneStoreBypassTests {

	@Test
	void requestSentStraightToTheStorePortShouldBeRefusedAndNothingWritten() throws Exception {
		try (ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().start()) {
			Applied a = OutsideClients.createAndApply(emulator.controlPlaneUrl(), emulator.apiKey(), "vol_a", "");
			Applied b = OutsideClients.createAndApply(emulator.controlPlaneUrl(), emulator.apiKey(), "vol_b", "");
			URI store = URI.create("http://127.0.0.1:" + dataPlane(emulator).storePort());
			try (S3AsyncClient direct = S3AsyncClient.builder()
				.endpointOverride(store)
				.region(Region.of(a.region()))
				.forcePathStyle(true)
				.credentialsProvider(StaticCredentialsProvider
					.create(AwsSessionCredentials.create(a.accessKey(), a.secretKey(), a.sessionToken())))
				.build()) {
				for (String key : new String[] { b.uploadPath() + "stolen.json", a.uploadPath() + "direct.json" }) {
					assertThatExceptionOfType(CompletionException.class)
						.isThrownBy(() -> direct.putObject((r) -> r.bucket(a.bucket()).key(key),
								AsyncRequestBody.fromString("{}")).join())
						.havingCause()
						.isInstanceOfSatisfying(S3Exception.class, (ex) -> assertThat(ex.statusCode()).isEqualTo(403));
					assertThat(emulator.object(key)).isEmpty();
				}
			}
			// The same credentials through the front still work.
			byte[] data = "{}".getBytes(StandardCharsets.UTF_8);
			OutsideClients.minio(a, OutsideClients.okHttp(emulator.trustStore()))
				.putObject(io.minio.PutObjectArgs.builder()
					.bucket(a.bucket())
					.object(a.uploadPath() + "front.json")
					.stream(OutsideClients.stream(data), data.length, -1)
					.build());
			assertThat(emulator.object(a.uploadPath() + "front.json")).isPresent();
		}
	}

	private static DataPlane dataPlane(ZillizCloudEmulator emulator) throws ReflectiveOperationException {
		Field field = ZillizCloudEmulator.class.getDeclaredField("dataPlane");
		field.setAccessible(true);
		return (DataPlane) field.get(emulator);
	}

}
