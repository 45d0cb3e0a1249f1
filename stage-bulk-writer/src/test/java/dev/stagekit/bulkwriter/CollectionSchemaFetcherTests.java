package dev.stagekit.bulkwriter;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import dev.stagekit.client.ApiKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The describe call over HTTP, against a local server that answers as a cluster does.
 */
class CollectionSchemaFetcherTests {

	private HttpServer server;

	private final AtomicReference<String> body = new AtomicReference<>();

	private final AtomicReference<String> authorization = new AtomicReference<>();

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v2/vectordb/collections/describe", (exchange) -> {
			this.body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			this.authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
			boolean known = this.body.get().contains("\"articles\"");
			byte[] answer = (known ? CollectionSchemaTests.DESCRIBE
					: "{\"code\":100,\"message\":\"collection not found[collection=nope]\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	private CollectionSchemaFetcher fetcher() {
		return new CollectionSchemaFetcher(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()),
				ApiKey.of("cluster-token"), WebClient.builder());
	}

	@Test
	void fetchesAndReadsTheSchema() {
		StepVerifier.create(fetcher().fetch("articles", "db1")).assertNext((schema) -> {
			assertThat(schema.field("embedding").dimension()).isEqualTo(768);
			assertThat(schema.enableDynamicField()).isTrue();
		}).verifyComplete();
		assertThat(this.body.get()).isEqualTo("{\"collectionName\":\"articles\",\"dbName\":\"db1\"}");
		assertThat(this.authorization.get()).isEqualTo("Bearer cluster-token");
	}

	@Test
	void anUnknownCollectionIsAClearError() {
		StepVerifier.create(fetcher().fetch("nope", null))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(InvalidSchemaException.class)
				.hasMessage("Describe collection failed with code 100: collection not found[collection=nope]"))
			.verify();
		assertThat(this.body.get()).isEqualTo("{\"collectionName\":\"nope\"}");
	}

}
