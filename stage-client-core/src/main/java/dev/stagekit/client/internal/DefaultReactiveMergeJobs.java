package dev.stagekit.client.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.Kind;
import dev.stagekit.client.StorageLocation;
import dev.stagekit.client.job.ControlPlaneJob;
import dev.stagekit.client.job.MergeRequest;
import dev.stagekit.client.job.NewField;
import dev.stagekit.client.job.ReactiveMergeJobs;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

/**
 * Merge jobs on the shared {@link ControlPlaneClient}. The stage and volume forms differ only in the
 * data-source fields and in the new-field name key ({@code name} in the stage era, {@code fieldName} now).
 */
final class DefaultReactiveMergeJobs implements ReactiveMergeJobs {

	private static final String MERGE = "/v2/etl/merge";

	private static final String JOBS = "/v2/jobs/";

	private static final String DEFAULT_DB = "default";

	private final ControlPlaneClient client;

	DefaultReactiveMergeJobs(ControlPlaneClient client) {
		this.client = client;
	}

	@Override
	public Mono<String> merge(MergeRequest request) {
		return Mono.defer(() -> {
			String clusterId = this.client.clusterOf(request.clusterId());
			Validation.name("collectionName", request.collectionName());
			Validation.name("destCollectionName", request.destCollectionName());
			Validation.required("mergeField", request.mergeField());
			String db = Objects.requireNonNullElse(request.dbName(), DEFAULT_DB);
			String destDb = Objects.requireNonNullElse(request.destDbName(), DEFAULT_DB);
			if (db.equals(destDb) && request.collectionName().equals(request.destCollectionName())) {
				throw new InvalidRequestException("destCollectionName", request.destCollectionName(),
						"must differ from the source collection: a merge creates a new collection");
			}
			if (request.newFields().isEmpty()) {
				throw new InvalidRequestException("newFields", request.newFields(), "must name at least one field");
			}
			StorageLocation source = request.dataSource();
			boolean stage = source != null && source.kind() == Kind.STAGE;
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("clusterId", clusterId);
			Json.putIfPresent(body, "dbName", request.dbName());
			body.put("collectionName", request.collectionName());
			Json.putIfPresent(body, "destDbName", request.destDbName());
			body.put("destCollectionName", request.destCollectionName());
			body.put("mergeField", request.mergeField());
			body.put("newFields", request.newFields().stream().map((field) -> field(field, stage)).toList());
			if (source != null) {
				KindApi kind = KindApi.of(source.kind());
				Map<String, Object> dataSource = new LinkedHashMap<>();
				dataSource.put("type", kind.type());
				dataSource.put(kind.nameField(), Validation.name(kind.nameField(), source.name()));
				dataSource.put("dataPath", Validation.required("dataSource.dataPath", source.path()));
				body.put("dataSource", dataSource);
			}
			// Never retried: a second merge would start a second job.
			return this.client.nonIdempotent(
					this.client.exchange(HttpMethod.POST, MERGE, Map.of(), body, (data) -> Json.text(data, "jobId")),
					HttpMethod.POST, MERGE, "look for a merge job into collection '" + request.destCollectionName()
							+ "' (or for that collection itself) before starting another merge.");
		});
	}

	@Override
	public Mono<ControlPlaneJob> describe(String jobId) {
		return Mono.defer(() -> {
			String path = JOBS + Validation.name("jobId", jobId);
			return this.client.retrying(this.client.exchange(HttpMethod.GET, path, Map.of(), null,
					DefaultReactiveMergeJobs::job), HttpMethod.GET, path);
		});
	}

	@Override
	public Flux<ControlPlaneJob> awaitCompletion(String jobId, Duration pollInterval) {
		return JobPoller.await(describe(jobId), pollInterval);
	}

	private static Map<String, Object> field(NewField field, boolean stage) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put(stage ? "name" : "fieldName", Validation.required("newFields.fieldName", field.fieldName()));
		json.put("dataType", field.dataType().name());
		if (field.maxLength() != null) {
			json.put("params", Map.of("maxLength", field.maxLength()));
		}
		return json;
	}

	private static ControlPlaneJob job(JsonNode data) {
		String progress = Json.optText(data, "progress");
		int percent;
		try {
			percent = (progress == null || progress.isBlank()) ? 0 : Integer.parseInt(progress.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("progress is not a number: '" + progress + "'");
		}
		String reason = Json.optText(data, "reason");
		return new ControlPlaneJob(Json.text(data, "jobId"), Json.optText(data, "type"), Json.text(data, "status"),
				percent, Json.optInstant(data, "startTime"), Json.optInstant(data, "endTime"),
				(reason != null) ? reason : "");
	}

}
