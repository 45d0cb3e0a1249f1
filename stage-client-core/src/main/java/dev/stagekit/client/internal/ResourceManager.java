package dev.stagekit.client.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import dev.stagekit.client.Page;
import dev.stagekit.client.ZillizCloudApiException;
import dev.stagekit.client.ZillizCloudOutcomeUnknownException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

/**
 * The one implementation of create, list, describe and delete shared by stages and volumes, including the
 * defaulting of project and region ids from the settings.
 *
 * @param <T> the item type
 */
final class ResourceManager<T> {

	private static final Logger logger = LoggerFactory.getLogger(ResourceManager.class);

	/** Page size used by {@link #listAll}. */
	static final int LIST_ALL_PAGE_SIZE = 100;

	private final ControlPlaneClient client;

	private final KindApi kind;

	private final Function<JsonNode, T> itemDecoder;

	private final Function<T, String> nameOf;

	private final int listAllPageSize;

	/**
	 * Create a manager for one kind.
	 * @param client the engine
	 * @param kind stage or volume
	 * @param itemDecoder decodes a list item or describe answer
	 * @param nameOf extracts the name of an item
	 */
	ResourceManager(ControlPlaneClient client, KindApi kind, Function<JsonNode, T> itemDecoder,
			Function<T, String> nameOf) {
		this(client, kind, itemDecoder, nameOf, LIST_ALL_PAGE_SIZE);
	}

	/**
	 * Create a manager for one kind with a custom page size for {@link #listAll}.
	 * @param client the engine
	 * @param kind stage or volume
	 * @param itemDecoder decodes a list item or describe answer
	 * @param nameOf extracts the name of an item
	 * @param listAllPageSize the page size used when streaming all items (1..100)
	 */
	ResourceManager(ControlPlaneClient client, KindApi kind, Function<JsonNode, T> itemDecoder,
			Function<T, String> nameOf, int listAllPageSize) {
		this.listAllPageSize = Validation.pageSize(listAllPageSize);
		this.client = client;
		this.kind = kind;
		this.itemDecoder = itemDecoder;
		this.nameOf = nameOf;
	}

	/**
	 * Return the kind.
	 * @return the kind
	 */
	KindApi kind() {
		return this.kind;
	}

	/**
	 * Create a resource. Failures after which nothing was done (HTTP 429, no connection) are retried with
	 * the full budget. After a failure that may have come after the work (timeout, 5xx) the create is tried
	 * once more: success means the name was free; "already exists" cannot tell our first attempt from a
	 * resource that existed before the call, so it is reported as outcome unknown, never as success.
	 * @param projectId the project
	 * @param name the validated name
	 * @param body the request body
	 * @return completion
	 */
	Mono<Void> create(String projectId, String name, Map<String, Object> body) {
		String path = this.kind.createPath();
		String label = this.kind.label() + " '" + name + "'";
		String howToFindOut = "describe or list the " + this.kind.label() + "s of project '" + projectId
				+ "' to see whether " + label + " exists and is the one you meant.";
		Mono<Void> attempt = this.client.nonIdempotent(
				this.client.exchange(HttpMethod.POST, path, Map.of(), body, (data) -> data).then(), HttpMethod.POST,
				path, howToFindOut);
		return attempt.onErrorResume(ZillizCloudOutcomeUnknownException.class, (first) -> {
			logger.debug("Retrying POST {} once after: {}", path, first.getMessage());
			return Mono.delay(this.client.createRetryBackoff())
				.then(attempt)
				.onErrorMap(this::isAlreadyExists, (taken) -> new ZillizCloudOutcomeUnknownException("Create of "
						+ label + " has an unknown outcome: the first attempt got no usable answer ("
						+ Failure.rootMessage(first) + ") and the retry found the name taken, so either the first "
						+ "attempt created it or it existed before this call. Not reported as created: "
						+ howToFindOut, taken));
		});
	}

	/**
	 * Fetch one page (retried).
	 * @param projectId the project
	 * @param currentPage the 1-based page
	 * @param pageSize the page size
	 * @param filters extra query parameters
	 * @return the page
	 */
	Mono<Page<T>> listPage(String projectId, int currentPage, int pageSize, Map<String, String> filters) {
		return Mono.defer(() -> {
			Validation.required("projectId", projectId);
			Validation.currentPage(currentPage);
			Validation.pageSize(pageSize);
			Map<String, Object> query = new LinkedHashMap<>();
			query.put("projectId", projectId);
			query.put("currentPage", currentPage);
			query.put("pageSize", pageSize);
			query.putAll(filters);
			String path = this.kind.basePath();
			return this.client.retrying(this.client.exchange(HttpMethod.GET, path, query, null, this::decodePage),
					HttpMethod.GET, path);
		});
	}

	/**
	 * Stream all items, fetching the next page only once the previous page's items have been consumed.
	 * @param projectId the project
	 * @param filters extra query parameters
	 * @return the items
	 */
	Flux<T> listAll(String projectId, Map<String, String> filters) {
		return pagesFrom(projectId, 1, filters);
	}

	private Flux<T> pagesFrom(String projectId, int currentPage, Map<String, String> filters) {
		return listPage(projectId, currentPage, this.listAllPageSize, filters)
			.flatMapMany((page) -> Flux.fromIterable(page.items())
				.concatWith(page.hasNext() ? Flux.defer(() -> pagesFrom(projectId, currentPage + 1, filters))
						: Flux.empty()));
	}

	/**
	 * Describe one resource (retried); only for describable kinds.
	 * @param name the name
	 * @return the resource
	 */
	Mono<T> describe(String name) {
		return Mono.defer(() -> {
			Validation.name(this.kind.nameField(), name);
			String path = this.kind.itemPath(name);
			return this.client.retrying(this.client.exchange(HttpMethod.GET, path, Map.of(), null, this.itemDecoder),
					HttpMethod.GET, path);
		});
	}

	/**
	 * Delete one resource (retried).
	 * @param name the name
	 * @return completion
	 */
	Mono<Void> delete(String name) {
		return Mono.defer(() -> {
			Validation.name(this.kind.nameField(), name);
			String path = this.kind.itemPath(name);
			return this.client
				.retrying(this.client.exchange(HttpMethod.DELETE, path, Map.of(), null, (data) -> data),
						HttpMethod.DELETE, path)
				.then();
		});
	}

	/**
	 * The project of a call: the given one, else the settings' default.
	 * @param projectId the given project, or {@code null}
	 * @return the project
	 */
	String projectOf(@Nullable String projectId) {
		return Validation.required("projectId", (projectId != null) ? projectId : this.client.settings().projectId());
	}

	/**
	 * The region of a create: the given one, else the settings' default.
	 * @param regionId the given region, or {@code null}
	 * @return the region
	 */
	String regionOf(@Nullable String regionId) {
		return Validation.required("regionId", (regionId != null) ? regionId : this.client.settings().regionId());
	}

	/**
	 * Start a create body with the fields every kind sends.
	 * @param projectId the project
	 * @param regionId the region
	 * @param name the validated name
	 * @return the body
	 */
	Map<String, Object> createBody(String projectId, String regionId, String name) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("projectId", projectId);
		body.put("regionId", regionId);
		body.put(this.kind.nameField(), name);
		return body;
	}

	private boolean isAlreadyExists(Throwable ex) {
		return ex instanceof ZillizCloudApiException api && api.code() == this.kind.alreadyExistsCode();
	}

	private Page<T> decodePage(JsonNode data) {
		return new Page<>(Json.optInt(data, "count", 0), Json.optInt(data, "currentPage", 1),
				Json.optInt(data, "pageSize", 0),
				Json.array(data, this.kind.listField()).stream().map(this.itemDecoder).toList());
	}

}
