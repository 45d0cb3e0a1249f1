package dev.stagekit.smoke.mvc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The JDK's HTTP client against the application's random port, as any outside caller: multipart bodies are
 * streamed from their source with a known {@code Content-Length}, never assembled in memory.
 */
final class Http {

	private final HttpClient client = HttpClient.newHttpClient();

	private final URI base;

	Http(int port) {
		this.base = URI.create("http://localhost:" + port);
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(this.base.resolve(path)).GET().build());
	}

	HttpResponse<String> post(String path, Map<String, String> query) {
		return send(HttpRequest.newBuilder(this.base.resolve(path + "?" + encode(query)))
			.POST(BodyPublishers.noBody())
			.build());
	}

	/**
	 * POST a multipart form: the text fields, then one file part named {@code file} whose bytes come from
	 * {@code content}.
	 */
	HttpResponse<String> postFile(String path, Map<String, String> fields, String fileName,
			Supplier<InputStream> content, long size) {
		String boundary = "stagekit-" + UUID.randomUUID();
		StringBuilder head = new StringBuilder();
		fields.forEach((name, value) -> head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(name)
			.append("\"\r\n\r\n")
			.append(value)
			.append("\r\n"));
		head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
			.append(fileName)
			.append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
		byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		List<BodyPublisher> parts = new ArrayList<>();
		parts.add(BodyPublishers.ofByteArray(start));
		parts.add(BodyPublishers.ofInputStream(content));
		parts.add(BodyPublishers.ofByteArray(end));
		BodyPublisher body = BodyPublishers.fromPublisher(BodyPublishers.concat(parts.toArray(BodyPublisher[]::new)),
				start.length + size + end.length);
		return send(HttpRequest.newBuilder(this.base.resolve(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(body)
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(Map<String, String> query) {
		return query.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
