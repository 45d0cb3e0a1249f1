package dev.stagekit.emulator;

import java.nio.charset.StandardCharsets;

import dev.stagekit.emulator.OutsideClients.Applied;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import static dev.stagekit.emulator.OutsideClients.sha256;
import static dev.stagekit.emulator.OutsideClients.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The forms of {@code endpoint} that {@code apply} advertises, and which of them minio-java 8.5
 * (the official Java SDK's storage client) accepts through {@code endpoint(String)}.
 */
class EndpointFormTests {

	@Test
	void defaultWhenNotOn443ShouldAdvertiseAUrlThatMinioJavaUploadsTo() throws Exception {
		try (ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().start()) {
			Applied applied = OutsideClients.createAndApply(emulator.controlPlaneUrl(), emulator.apiKey(), "v", "");
			assertThat(applied.endpoint()).isEqualTo("https://127.0.0.1:" + emulator.dataPlaneUrl().getPort())
				.isEqualTo(emulator.dataPlaneUrl().toString());
			assertUploads(emulator, applied);
		}
	}

	@Test
	void hostPortWhenChosenShouldAdvertiseItAndMinioJavaRefusesIt() {
		try (ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().endpointForm(EndpointForm.HOST_PORT).start()) {
			Applied applied = OutsideClients.createAndApply(emulator.controlPlaneUrl(), emulator.apiKey(), "v", "");
			assertThat(applied.endpoint()).isEqualTo("127.0.0.1:" + emulator.dataPlaneUrl().getPort());
			// What the issue reports for the official Java SDK against a host:port endpoint.
			assertThatIllegalArgumentException().isThrownBy(() -> MinioClient.builder().endpoint(applied.endpoint()))
				.withMessageContaining("invalid hostname");
		}
	}

	@Test
	void urlAndHostWhenChosenShouldBeAdvertisedAsSuch() {
		try (ZillizCloudEmulator url = ZillizCloudEmulator.builder().endpointForm(EndpointForm.URL).start();
				ZillizCloudEmulator host = ZillizCloudEmulator.builder().endpointForm(EndpointForm.HOST).start()) {
			assertThat(OutsideClients.createAndApply(url.controlPlaneUrl(), url.apiKey(), "v", "").endpoint())
				.isEqualTo(url.dataPlaneUrl().toString());
			assertThat(OutsideClients.createAndApply(host.controlPlaneUrl(), host.apiKey(), "v", "").endpoint())
				.isEqualTo("127.0.0.1");
			assertThat(host.describe().get("dataPlaneEndpoint")).isEqualTo("127.0.0.1");
		}
	}

	@Test
	void defaultWhenOn443ShouldAdvertiseTheBareHostAsTheRealServiceAndMinioJavaUploads() throws Exception {
		ZillizCloudEmulator emulator = null;
		try {
			emulator = ZillizCloudEmulator.builder().dataPlanePort(443).start();
		}
		catch (IllegalStateException ex) {
			// Not root, or 443 is taken: this environment cannot show it.
		}
		assumeTrue(emulator != null, "port 443 cannot be bound here");
		try (ZillizCloudEmulator on443 = emulator) {
			Applied applied = OutsideClients.createAndApply(on443.controlPlaneUrl(), on443.apiKey(), "v", "");
			assertThat(applied.endpoint()).isEqualTo("127.0.0.1");
			assertUploads(on443, applied);
		}
	}

	private static void assertUploads(ZillizCloudEmulator emulator, Applied applied) throws Exception {
		OkHttpClient http = OutsideClients.okHttp(emulator.trustStore());
		byte[] data = "{\"rows\":[]}".getBytes(StandardCharsets.UTF_8);
		String key = applied.uploadPath() + "rows.json";
		OutsideClients.minio(applied, http)
			.putObject(PutObjectArgs.builder().bucket(applied.bucket()).object(key).stream(stream(data), data.length, -1).build());
		assertThat(emulator.sha256(key)).isEqualTo(sha256(data));
		assertThat(emulator.requestCount("s3:PutObject")).isEqualTo(1);
	}

}
