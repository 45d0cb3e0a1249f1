package dev.stagekit.bulkwriter;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.stagekit.client.ApiKey;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Reads a collection's schema from its cluster ({@code POST /v2/vectordb/collections/describe} on the
 * cluster endpoint, e.g. {@code https://in01-xxxx.serverless.aws-us-west-2.cloud.zilliz.com}), so that rows
 * are checked against what the collection really is.
 *
 * @since 0.1.0
 */
public final class CollectionSchemaFetcher {

	private final WebClient webClient;

	/**
	 * Create a fetcher.
	 * @param clusterEndpoint the cluster endpoint
	 * @param apiKey the API key (or cluster token), read per request
	 * @param webClientBuilder a builder to start from (cloned), e.g. Boot's with its SSL and codecs
	 */
	public CollectionSchemaFetcher(URI clusterEndpoint, ApiKey apiKey, WebClient.Builder webClientBuilder) {
		Objects.requireNonNull(apiKey, "apiKey");
		this.webClient = webClientBuilder.clone()
			.baseUrl(clusterEndpoint.toString())
			.filter((request, next) -> next.exchange(org.springframework.web.reactive.function.client.ClientRequest
				.from(request)
				.headers((headers) -> headers.setBearerAuth(apiKey.value()))
				.build()))
			.build();
	}

	/**
	 * Fetch a collection's schema.
	 * @param collectionName the collection
	 * @param dbName the database, or {@code null} for the default one
	 * @return the schema; errors with {@link InvalidSchemaException} if the cluster refuses or answers
	 * something unreadable
	 */
	public Mono<CollectionSchema> fetch(String collectionName, @Nullable String dbName) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("collectionName", collectionName);
		if (dbName != null && !dbName.isEmpty()) {
			body.put("dbName", dbName);
		}
		return this.webClient.post()
			.uri("/v2/vectordb/collections/describe")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.retrieve()
			.bodyToMono(String.class)
			.map(CollectionSchema::fromDescribe)
			.onErrorMap((error) -> !(error instanceof InvalidSchemaException), (error) -> new InvalidSchemaException(
					"Describing collection '" + collectionName + "' failed: "
							+ ((error instanceof WebClientRequestException) ? "the cluster endpoint cannot be reached ("
									+ error.getMessage() + ")" : error.getMessage())
							+ ". Check the cluster endpoint and the API key.",
					error));
	}

}
