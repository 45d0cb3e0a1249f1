package dev.stagekit.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control plane checks the API key before it reads a byte of a body, refuses bodies over its
 * limit with HTTP 413, and keeps answering other callers meanwhile.
 */
class ControlPlaneBodyLimitTests {

	private static ZillizCloudEmulator emulator;

	private static ControlPlaneTestClient client;

	@BeforeAll
	static void start() {
		emulator = ZillizCloudEmulator.builder().start();
		client = new ControlPlaneTestClient(emulator);
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@Test
	void hugeAnnouncedBodyWithoutKeyShouldBeRefusedAtOnceWithKeyGet413AndOthersBeAnswered() throws Exception {
		try (Socket keyless = announce(null); Socket keyed = announce(emulator.apiKey())) {
			// Neither sends a byte of its announced gibibyte; both get their answer now.
			String refused = readResponse(keyless);
			assertThat(refused).startsWith("HTTP/1.1 200");
			JsonNode envelope = ControlPlaneTestClient.JSON.readTree(body(refused));
			assertThat(envelope.path("code").intValue()).isEqualTo(ErrorCode.API_KEY_ILLEGAL.code());
			assertThat(envelope.path("message").asString()).isEqualTo("The apikey is illegal.");
			String tooLarge = readResponse(keyed);
			assertThat(tooLarge).startsWith("HTTP/1.1 413");
			JsonNode limit = ControlPlaneTestClient.JSON.readTree(body(tooLarge));
			assertThat(limit.path("code").intValue()).isEqualTo(413);
			assertThat(limit.path("message").asString())
				.isEqualTo("The request body of 1073741824 bytes is larger than the emulator's limit of 1048576 bytes "
						+ "(EmulatorSettings.maxRequestBodySize, --max-request-body).");
			// Both connections are still open; another caller is served as usual.
			JsonNode volumes = client.get("/v2/volumes?projectId=" + emulator.projectId());
			assertThat(volumes.path("count").isInt()).isTrue();
		}
		assertThat(emulator.requestCount("POST /v2/volumes/create")).isEqualTo(2);
	}

	@Test
	void chunkedBodyOverTheLimitShouldGet413AndOneAtTheLimitBeRead() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		byte[] tooMuch = new byte[(1 << 20) + 1];
		HttpResponse<String> refused = http.send(HttpRequest.newBuilder(emulator.controlPlaneUrl().resolve("/v2/volumes/create"))
			.header("Authorization", "Bearer " + emulator.apiKey())
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooMuch)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.body()).contains("\"code\":413").contains("limit of 1048576 bytes");
		byte[] padded = ("{\"pad\":\"" + " ".repeat((1 << 20) - 20) + "\"}").getBytes(StandardCharsets.UTF_8);
		assertThat(padded.length).isLessThanOrEqualTo(1 << 20);
		HttpResponse<String> read = http.send(HttpRequest.newBuilder(emulator.controlPlaneUrl().resolve("/v2/volumes/create"))
			.header("Authorization", "Bearer " + emulator.apiKey())
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(padded)))
			.build(), HttpResponse.BodyHandlers.ofString());
		// Read and parsed: the refusal is about the missing fields, not the size.
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains("\"code\":" + ErrorCode.MISSING_FIELD.code()).contains("projectId is required");
	}

	@Test
	void limitWhenConfiguredShouldApply() throws Exception {
		try (ZillizCloudEmulator small = ZillizCloudEmulator.builder().maxRequestBodySize(16).start()) {
			HttpResponse<String> refused = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(small.controlPlaneUrl().resolve("/v2/volumes/apply"))
					.header("Authorization", "Bearer " + small.apiKey())
					.POST(HttpRequest.BodyPublishers.ofString("{\"volumeName\":\"abcdefgh\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(refused.statusCode()).isEqualTo(413);
			assertThat(refused.body()).contains("of 25 bytes is larger than the emulator's limit of 16 bytes");
		}
	}

	/** Opens a connection and sends only the headers of a POST announcing 1 GiB. */
	private static Socket announce(String apiKey) throws IOException {
		Socket socket = new Socket(emulator.controlPlaneUrl().getHost(), emulator.controlPlaneUrl().getPort());
		socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
		String headers = "POST /v2/volumes/create HTTP/1.1\r\nHost: " + emulator.controlPlaneUrl().getAuthority()
				+ "\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n"
				+ ((apiKey != null) ? "Authorization: Bearer " + apiKey + "\r\n" : "") + "\r\n";
		OutputStream out = socket.getOutputStream();
		out.write(headers.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return socket;
	}

	/** Reads one response: headers, then as many body bytes as Content-Length gives. */
	private static String readResponse(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		StringBuilder text = new StringBuilder();
		while (!text.toString().contains("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			text.append((char) b);
		}
		String head = text.toString().toLowerCase(java.util.Locale.ROOT);
		int at = head.indexOf("content-length:");
		int length = Integer.parseInt(head.substring(at + 15, head.indexOf("\r\n", at)).trim());
		text.append(new String(in.readNBytes(length), StandardCharsets.UTF_8));
		return text.toString();
	}

	private static String body(String response) {
		return response.substring(response.indexOf("\r\n\r\n") + 4);
	}

}
