package dev.stagekit.emulator;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EmulatorTlsTests {

	private static ZillizCloudEmulator emulator;

	@BeforeAll
	static void start() {
		emulator = ZillizCloudEmulator.builder().start();
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@Test
	void dataPlaneWhenClientTrustsTheEmulatorCaShouldCompleteTheHandshake() throws Exception {
		HttpClient client = HttpClient.newBuilder().sslContext(trusting(emulator.trustStore())).build();
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(emulator.dataPlaneUrl().resolve("/")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isBetween(200, 599);
		assertThat(response.sslSession()).isPresent();
	}

	@Test
	void dataPlaneWhenClientUsesDefaultTrustShouldRefuseTheCertificate() {
		HttpClient client = HttpClient.newHttpClient();
		assertThatExceptionOfType(SSLHandshakeException.class).isThrownBy(() -> client
			.send(HttpRequest.newBuilder(emulator.dataPlaneUrl().resolve("/")).build(), HttpResponse.BodyHandlers.discarding()));
	}

	@Test
	void caCertificatePemWhenWrittenShouldHoldOneCertificate(@TempDir Path dir) throws Exception {
		Path pem = emulator.writeCaCertificate(dir.resolve("ca.pem"));
		String text = java.nio.file.Files.readString(pem);
		assertThat(text).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
		Path p12 = emulator.writeTrustStore(dir.resolve("trust.p12"), "changeit".toCharArray());
		KeyStore loaded = KeyStore.getInstance("PKCS12");
		try (var in = java.nio.file.Files.newInputStream(p12)) {
			loaded.load(in, "changeit".toCharArray());
		}
		assertThat(java.util.Collections.list(loaded.aliases())).containsExactly("stagekit-emulator-ca");
	}

	@Test
	void dataDirectoryWhenRestartedShouldKeepTheSameCa(@TempDir Path dir) {
		String first;
		try (ZillizCloudEmulator one = ZillizCloudEmulator.builder().dataDirectory(dir).start()) {
			first = one.caCertificatePem();
		}
		try (ZillizCloudEmulator two = ZillizCloudEmulator.builder().dataDirectory(dir).start()) {
			assertThat(two.caCertificatePem()).isEqualTo(first);
		}
	}

	static SSLContext trusting(KeyStore trustStore) throws Exception {
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trustStore);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context;
	}

}
