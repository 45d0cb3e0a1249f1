package dev.stagekit.client.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.Page;
import dev.stagekit.client.job.ImportJobId;
import dev.stagekit.client.job.ImportJobProgress;
import dev.stagekit.client.job.ImportJobSummary;
import dev.stagekit.client.job.ImportRequest;
import dev.stagekit.client.job.ListImportJobsRequest;
import dev.stagekit.client.job.ObjectStorageSource;
import dev.stagekit.client.job.ReactiveImportJobs;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

/**
 * Import jobs on the shared {@link ControlPlaneClient}.
 */
final class DefaultReactiveImportJobs implements ReactiveImportJobs {

	private static final String CREATE = "/v2/vectordb/jobs/import/create";

	private static final String DESCRIBE = "/v2/vectordb/jobs/import/describe";

	private static final String LIST = "/v2/vectordb/jobs/import/list";

	private static final String COMMIT = "/v2/vectordb/jobs/import/commit";

	private static final String ABORT = "/v2/vectordb/jobs/import/abort";

	private static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

	private final ControlPlaneClient client;

	DefaultReactiveImportJobs(ControlPlaneClient client) {
		this.client = client;
	}

	@Override
	public Mono<ImportJobId> create(ImportRequest request) {
		return Mono.defer(() -> {
			String clusterId = this.client.clusterOf(request.clusterId());
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("clusterId", clusterId);
			body.put("collectionName", Validation.name("collectionName", request.collectionName()));
			Json.putIfPresent(body, "dbName", request.dbName());
			Json.putIfPresent(body, "partitionName", request.partitionName());
			ObjectStorageSource objects = request.objectStorage();
			if (objects != null) {
				if (objects.objectUrls().isEmpty() || objects.objectUrls().stream().anyMatch(List::isEmpty)) {
					throw new InvalidRequestException("objectUrls", objects.objectUrls(),
							"must hold at least one non-empty list of URLs");
				}
				body.put("objectUrls", objects.objectUrls());
				body.put("accessKey", Validation.required("accessKey", objects.accessKey()));
				body.put("secretKey", Validation.required("secretKey", objects.secretKey()));
				Json.putIfPresent(body, "token", objects.token());
			}
			else {
				KindApi kind = KindApi.of(Objects.requireNonNull(request.sourceKind(), "sourceKind"));
				body.put(kind.nameField(),
						Validation.name(kind.nameField(), Objects.requireNonNull(request.sourceName(), "sourceName")));
				if (request.dataPaths().isEmpty() || request.dataPaths().stream().anyMatch(List::isEmpty)) {
					throw new InvalidRequestException("dataPaths", request.dataPaths(),
							"must hold at least one non-empty list of paths");
				}
				body.put("dataPaths", request.dataPaths());
			}
			Boolean autoCommit = request.autoCommit();
			if (autoCommit != null) {
				// Import options are strings: Zilliz requires "false", not false.
				body.put("options", Map.of("auto_commit", autoCommit.toString()));
			}
			// Every attempt carries the request's Idempotency-Key. Whether Zilliz Cloud honours it is not confirmed
			// (contract 10.2), so a create whose outcome is unknown is not repeated blindly: the caller is told,
			// and sending the same ImportRequest again (same key) is what the key makes safe where it is honoured.
			return this.client.nonIdempotent(this.client.exchange(HttpMethod.POST, CREATE, Map.of(),
					Map.of(IDEMPOTENCY_KEY_HEADER, request.idempotencyKey()), body,
					(data) -> new ImportJobId(clusterId, Json.text(data, "jobId"))), HttpMethod.POST, CREATE,
					"list the import jobs of cluster '" + clusterId + "' (ImportJobs.list) to see whether the job was"
							+ " created, or send the same ImportRequest again: it carries the same Idempotency-Key ("
							+ request.idempotencyKey() + "), which the service uses to answer with the first job.");
		});
	}

	@Override
	public Mono<Void> commit(ImportJobId jobId) {
		return finish(COMMIT, jobId);
	}

	@Override
	public Mono<Void> abort(ImportJobId jobId) {
		return finish(ABORT, jobId);
	}

	private Mono<Void> finish(String path, ImportJobId jobId) {
		return Mono.defer(() -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("jobId", Validation.required("jobId", jobId.jobId()));
			body.put("clusterId", Validation.required("clusterId", jobId.clusterId()));
			return this.client.retrying(this.client.exchange(HttpMethod.POST, path, Map.of(), body, (data) -> data),
					HttpMethod.POST, path);
		}).then();
	}

	@Override
	public Mono<ImportJobProgress> describe(ImportJobId jobId) {
		return Mono.defer(() -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("jobId", Validation.required("jobId", jobId.jobId()));
			body.put("clusterId", Validation.required("clusterId", jobId.clusterId()));
			return this.client.retrying(
					this.client.exchange(HttpMethod.POST, DESCRIBE, Map.of(), body, DefaultReactiveImportJobs::progress),
					HttpMethod.POST, DESCRIBE);
		});
	}

	@Override
	public Mono<Page<ImportJobSummary>> list(ListImportJobsRequest request) {
		return Mono.defer(() -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("clusterId", this.client.clusterOf(request.clusterId()));
			Json.putIfPresent(body, "dbName", request.dbName());
			Json.putIfPresent(body, "collectionName", request.collectionName());
			body.put("currentPage", Validation.currentPage(request.currentPage()));
			body.put("pageSize", Validation.pageSize(request.pageSize()));
			return this.client.retrying(
					this.client.exchange(HttpMethod.POST, LIST, Map.of(), body, DefaultReactiveImportJobs::page),
					HttpMethod.POST, LIST);
		});
	}

	@Override
	public Flux<ImportJobProgress> awaitCompletion(ImportJobId jobId, Duration pollInterval) {
		return JobPoller.await(describe(jobId), pollInterval);
	}

	private static ImportJobProgress progress(JsonNode data) {
		List<ImportJobProgress.Detail> details = Json.array(data, "details")
			.stream()
			.map((node) -> new ImportJobProgress.Detail(Json.optText(node, "fileName"), Json.optLong(node, "fileSize"),
					Json.optText(node, "state"), Json.optInt(node, "progress", 0), Json.optInstant(node, "completeTime"),
					orEmpty(Json.optText(node, "reason")), Json.optLong(node, "totalRows")))
			.toList();
		return new ImportJobProgress(Json.text(data, "jobId"), Json.optText(data, "collectionName"),
				Json.optText(data, "fileName"), Json.optLong(data, "fileSize"), Json.text(data, "state"),
				Json.optInt(data, "progress", 0), Json.optInstant(data, "completeTime"),
				orEmpty(Json.optText(data, "reason")), Json.optLong(data, "totalRows"), details);
	}

	private static Page<ImportJobSummary> page(JsonNode data) {
		List<ImportJobSummary> records = Json.array(data, "records")
			.stream()
			.map((node) -> new ImportJobSummary(Json.text(node, "jobId"), Json.optText(node, "collectionName"),
					Json.text(node, "state"), Json.optLong(node, "progress") != null
							? Json.optInt(node, "progress", 0) : null))
			.toList();
		return new Page<>(Json.optInt(data, "count", records.size()), Json.optInt(data, "currentPage", 1),
				Json.optInt(data, "pageSize", 0), records);
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
