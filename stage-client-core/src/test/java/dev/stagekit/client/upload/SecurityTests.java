package dev.stagekit.client.upload;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.ZillizCloudException;
import dev.stagekit.client.control.ListVolumesRequest;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static dev.stagekit.client.upload.UploadTestSupport.createVolume;
import static dev.stagekit.client.upload.UploadTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Secrets stay secret and TLS stays verified: how untrusted certificates and redirects are handled (what
 * loggers print at DEBUG is the auto-configuration's, see {@code SecretSafeLoggingTests}).
 */
class SecurityTests {

	private static final long MIB = 1024 * 1024;

	@RegisterExtension
	static final UploadEmulator upload = UploadEmulator.create();

	private final ZillizCloudEmulator emulator = upload.emulator();

	private final ZillizCloudClients clients = upload.clients();

	@TempDir
	Path temp;

	@Test
	void uploadWhenStorageCertificateIsNotTrustedShouldFailFastWithoutRetrying() {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("tls.json"), "{}");
		emulator.resetRequestCounts();
		try (FileManagers untrusting = FileManagers.builder(clients).build()) {
			assertThatExceptionOfType(StorageException.class)
				.isThrownBy(() -> untrusting.volume(volume).upload(file, ""))
				.withMessageContaining("after 1 attempt")
				.withMessageContaining("TLS handshake with the object store failed")
				.withMessageContaining("unable to find valid certification path")
				.satisfies((ex) -> assertThat(ex.isTransient()).isFalse());
		}
		assertThat(emulator.requestCount("s3:PutObject")).isZero();
		assertThat(emulator.object(emulator.volumePrefix(volume).orElseThrow() + "tls.json")).isEmpty();
	}

	@Test
	void trustStoreShouldTrustThatCertificateAuthorityOnly() throws Exception {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("trusted.json"), "{\"rows\": []}");
		try (FileManagers trusting = FileManagers.builder(clients).trustStore(emulator.trustStore()).build()) {
			trusting.volume(volume).upload(file, "in/");
		}
		assertThat(emulator.sha256(emulator.volumePrefix(volume).orElseThrow() + "in/trusted.json"))
			.isEqualTo(UploadTestSupport.sha256(file));
		// Another emulator's authority does not vouch for this one: verification stays on.
		try (ZillizCloudEmulator other = ZillizCloudEmulator.builder().start();
				FileManagers wrong = FileManagers.builder(clients).trustStore(other.trustStore()).build()) {
			assertThatExceptionOfType(StorageException.class).isThrownBy(() -> wrong.volume(volume).upload(file, "out/"))
				.withMessageContaining("TLS handshake with the object store failed");
		}
		assertThat(emulator.object(emulator.volumePrefix(volume).orElseThrow() + "out/trusted.json")).isEmpty();
	}

	@Test
	void trustStoreThatIsNotLoadedOrEmptyShouldBeRefusedNamingIt() throws Exception {
		KeyStore notLoaded = KeyStore.getInstance("PKCS12");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> FileManagers.builder(clients).trustStore(notLoaded))
			.withMessageStartingWith("Invalid trustStore 'PKCS12 key store': it cannot verify the object store's certificates")
			.withMessageEndingWith("pass a loaded key store of trusted certificates");
		KeyStore empty = KeyStore.getInstance("PKCS12");
		empty.load(null, null);
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> FileManagers.builder(clients).trustStore(empty))
			.withMessage("Invalid trustStore 'PKCS12 key store': it holds no certificate, so it would trust no object"
					+ " store; add the certificate authority");
	}

	@Test
	void controlPlaneWhenAnsweredWithRedirectShouldNotFollowItWithTheKey() throws IOException {
		List<String> leaked = new CopyOnWriteArrayList<>();
		HttpServer elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		elsewhere.createContext("/", (exchange) -> {
			leaked.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		HttpServer redirecting = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		redirecting.createContext("/", (exchange) -> {
			exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + elsewhere.getAddress().getPort()
					+ exchange.getRequestURI());
			exchange.sendResponseHeaders(307, -1);
			exchange.close();
		});
		elsewhere.start();
		redirecting.start();
		try {
			ZillizCloudClients redirected = ZillizCloudClients.create(ZillizCloudClientSettings.builder()
				.endpoint("http://127.0.0.1:" + redirecting.getAddress().getPort())
				.apiKey("redirect-secret-key")
				.projectId("p")
				.build());
			assertThatExceptionOfType(ZillizCloudException.class)
				.isThrownBy(() -> redirected.volumes().listPage(ListVolumesRequest.firstPage()))
				.withMessageContaining("307")
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("redirect-secret-key"));
			assertThat(leaked).isEmpty();
		}
		finally {
			redirecting.stop(0);
			elsewhere.stop(0);
		}
	}

}
