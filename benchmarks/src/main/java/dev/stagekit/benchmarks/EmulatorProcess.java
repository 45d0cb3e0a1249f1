package dev.stagekit.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import dev.stagekit.emulator.cli.EmulatorMain;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator in a child JVM ({@link EmulatorMain}, started through this jar's {@code --emulator} mode), so that
 * this JVM's process CPU is the uploading client's alone. Reads its ready file for endpoints, API key and CA, and
 * speaks to its control plane and test hooks over HTTP.
 */
final class EmulatorProcess implements AutoCloseable {

	static final String APPLY = "POST /v2/volumes/apply";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Process process;

	private final Ready ready;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private EmulatorProcess(Process process, Ready ready) {
		this.process = process;
		this.ready = ready;
	}

	/** What the emulator's ready file says. */
	record Ready(String controlPlaneUrl, String dataPlaneUrl, String apiKey, String projectId, String regionId,
			String clusterId, Path caPem) {

		static Ready read(Path file) throws IOException {
			JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
			return new Ready(node.get("controlPlaneUrl").asString(), node.get("dataPlaneUrl").asString(),
					node.get("apiKey").asString(), node.get("projectId").asString(), node.get("regionId").asString(),
					node.get("clusterId").asString(), Path.of(node.get("caCertificateFile").asString()));
		}

	}

	static EmulatorProcess start(Path root, boolean plainHttp) throws IOException, InterruptedException {
		Path readyFile = root.resolve("emulator-ready.json");
		List<String> command = Jvm.command(List.of("-Xmx1g"));
		command.add("--emulator");
		command.addAll(List.of("--data-dir", root.resolve("emulator").toString(), "--credential-lifetime", "24h",
				"--ready-file", readyFile.toString(), "--ca-pem", root.resolve("emulator-ca.pem").toString()));
		if (plainHttp) {
			command.add("--advertise-http");
		}
		Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		// Ctrl+C on the benchmark must not leave the emulator running.
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "emulator-child-stop"));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		// Polls the file the emulator writes atomically once it listens.
		while (!Files.exists(readyFile)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the emulator exited with " + process.exitValue() + " before it was ready");
			}
			if (System.nanoTime() > deadline) {
				process.destroy();
				throw new IllegalStateException("the emulator was not ready within 120 s");
			}
			Thread.sleep(50);
		}
		return new EmulatorProcess(process, Ready.read(readyFile));
	}

	Ready ready() {
		return this.ready;
	}

	long pid() {
		return this.process.pid();
	}

	/** The emulator's CA as trust managers, for the AWS SDK's Netty client. */
	TrustManager[] trustManagers() {
		return trustManagers(this.ready.caPem());
	}

	/** Trust managers that trust only the CA in this PEM file. */
	static TrustManager[] trustManagers(Path caPem) {
		try (InputStream in = Files.newInputStream(caPem)) {
			X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			store.setCertificateEntry("stagekit-emulator-ca", ca);
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(store);
			return factory.getTrustManagers();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot read the emulator's CA certificate", ex);
		}
	}

	X509TrustManager trustManager() {
		for (TrustManager manager : trustManagers()) {
			if (manager instanceof X509TrustManager x509) {
				return x509;
			}
		}
		throw new IllegalStateException("no X.509 trust manager");
	}

	/**
	 * One {@code POST /v2/volumes/apply}, with the body the official Java SDK sends (contract 1.5).
	 * @param volume the volume
	 * @param path the normalised target directory
	 * @return the answer's {@code data}
	 */
	Apply apply(String volume, String path) {
		String body = JSON.writeValueAsString(Map.of("volumeName", volume, "path", path, "apiKey", this.ready.apiKey(),
				"options", Map.of("sdk", "java", "scene", "bulkWriter")));
		JsonNode answer = send(HttpRequest.newBuilder(URI.create(this.ready.controlPlaneUrl() + "/v2/volumes/apply"))
			.header("Authorization", "Bearer " + this.ready.apiKey())
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		if (answer.get("code").asInt() != 0) {
			throw new IllegalStateException("apply failed with code " + answer.get("code"));
		}
		JsonNode data = answer.get("data");
		JsonNode credentials = data.get("credentials");
		return new Apply(data.get("endpoint").asString(), data.get("bucketName").asString(),
				data.get("volumePrefix").asString(), data.get("region").asString(), credentials.get("tmpAK").asString(),
				credentials.get("tmpSK").asString(), credentials.get("sessionToken").asString());
	}

	/** The emulator's request counters since the last reset. */
	Map<String, Long> requestCounts() {
		JsonNode counts = send(HttpRequest.newBuilder(URI.create(this.ready.controlPlaneUrl() + "/_emulator/requests")).GET())
			.get("counts");
		Map<String, Long> result = new TreeMap<>();
		counts.properties().forEach((entry) -> result.put(entry.getKey(), entry.getValue().asLong()));
		return result;
	}

	void resetRequestCounts() {
		send(HttpRequest.newBuilder(URI.create(this.ready.controlPlaneUrl() + "/_emulator/requests")).DELETE());
	}

	private JsonNode send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(request.build().uri().getPath() + " answered " + response.statusCode());
			}
			return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor();
		}
	}

	/**
	 * The credentials and target of one apply answer.
	 *
	 * @param endpoint as answered: {@code host:port} (HTTPS) or {@code http://host:port}
	 * @param bucket the bucket
	 * @param prefix the volume prefix
	 * @param region the signing region
	 * @param accessKey the temporary access key
	 * @param secretKey the temporary secret key
	 * @param sessionToken the session token
	 */
	record Apply(String endpoint, String bucket, String prefix, String region, String accessKey, String secretKey,
			String sessionToken) {

		/** The endpoint as a URL; a bare {@code host:port} means HTTPS, as a fixed client would send it. */
		URI uri() {
			String trimmed = this.endpoint.trim();
			return URI.create(trimmed.startsWith("http://") || trimmed.startsWith("https://") ? trimmed
					: "https://" + trimmed);
		}

		String signingRegion() {
			return this.region.isBlank() ? "us-east-1" : this.region;
		}

		String keyPrefix() {
			return this.prefix.endsWith("/") ? this.prefix : this.prefix + "/";
		}

		@Override
		public String toString() {
			return "Apply[endpoint=" + this.endpoint + ", bucket=" + this.bucket + ", prefix=" + this.prefix + "]";
		}

	}


}
