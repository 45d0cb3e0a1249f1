package dev.stagekit.emulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.stagekit.emulator.EmulatorSettings;
import dev.stagekit.emulator.ErrorCode;
import dev.stagekit.emulator.StoredObject;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Merge jobs ({@code POST /v2/etl/merge}) and their status ({@code GET /v2/jobs/{jobId}}). The request is checked
 * as far as the emulator can: cluster, names, field types, VARCHAR lengths, distinct source and destination,
 * and a stage or volume path holding Parquet files. The emulator does not parse Parquet; a job fails, with a
 * reason, when the merge field's name does not occur in the bytes of a data file (Parquet footers store
 * column names in plain text). Jobs live in memory and move PENDING, RUNNING, then SUCCESSFUL or FAILED over
 * the settings' import duration.
 */
final class MergeJobs {

	static final Set<String> TYPES = Set.of("VARCHAR", "INT8", "INT16", "INT32", "INT64", "FLOAT", "DOUBLE", "BOOL");

	private final EmulatorSettings settings;

	private final Containers containers;

	private final ObjectStore objects;

	private final Clock clock;

	private final Map<String, MergeJob> jobs = new ConcurrentHashMap<>();

	MergeJobs(EmulatorSettings settings, Containers containers, ObjectStore objects, Clock clock) {
		this.settings = settings;
		this.containers = containers;
		this.objects = objects;
		this.clock = clock;
	}

	Map<String, Object> merge(Call call) {
		String clusterId = call.required("clusterId");
		this.containers.clusterRegion(clusterId);
		String collection = call.requiredName("collectionName");
		String destination = call.requiredName("destCollectionName");
		String db = orDefault(call.text("dbName"));
		String destDb = orDefault(call.text("destDbName"));
		if (db.equals(destDb) && collection.equals(destination)) {
			throw new ApiException(ErrorCode.MERGE_SAME_SOURCE, "destCollectionName '" + destination
					+ "' in database '" + destDb + "' is the source collection; a merge creates a new collection");
		}
		String mergeField = call.required("mergeField");
		checkNewFields(call.body().get("newFields"));
		String failure = null;
		JsonNode source = call.body().get("dataSource");
		if (source != null && !source.isNull()) {
			failure = checkDataSource(source, mergeField);
		}
		String jobId = "job-" + Containers.randomId(20);
		this.jobs.put(jobId, new MergeJob(jobId, this.clock.instant(), failure));
		return Map.of("jobId", jobId);
	}

	Map<String, Object> describe(Call call) {
		String jobId = String.valueOf(call.pathName());
		MergeJob job = this.jobs.get(jobId);
		if (job == null) {
			throw new ApiException(ErrorCode.JOB_NOT_FOUND, "jobId '" + jobId + "' does not exist");
		}
		Duration duration = this.settings.importDuration();
		Duration elapsed = Duration.between(job.started(), this.clock.instant());
		boolean finished = elapsed.compareTo(duration) >= 0;
		int progress = finished ? 100 : (int) Math.min(99, elapsed.toMillis() * 100 / Math.max(1, duration.toMillis()));
		String status = finished ? ((job.failure() != null) ? "FAILED" : "SUCCESSFUL")
				: (progress < 10) ? "PENDING" : "RUNNING";
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("jobId", job.jobId());
		data.put("type", "MERGE");
		data.put("status", status);
		data.put("progress", String.valueOf(progress));
		data.put("startTime", Containers.wireTime(job.started()));
		data.put("endTime", finished ? Containers.wireTime(job.started().plus(duration)) : null);
		data.put("reason", (finished && job.failure() != null) ? job.failure() : "");
		return data;
	}

	private static String orDefault(@Nullable String db) {
		return (db == null || db.isEmpty()) ? "default" : db;
	}

	private static void checkNewFields(@Nullable JsonNode fields) {
		if (fields == null || !fields.isArray() || fields.isEmpty()) {
			throw new ApiException(ErrorCode.MISSING_FIELD, "newFields must be a non-empty array");
		}
		int index = 0;
		for (JsonNode field : fields) {
			String at = "newFields[" + index++ + "]";
			JsonNode name = field.has("fieldName") ? field.get("fieldName") : field.get("name");
			if (name == null || !name.isString() || name.asString().isBlank()) {
				throw new ApiException(ErrorCode.MISSING_FIELD, at + ".fieldName (or name) is required");
			}
			Call.checkName(at + ".fieldName", name.asString());
			JsonNode type = field.get("dataType");
			if (type == null || !type.isString() || !TYPES.contains(type.asString())) {
				throw new ApiException(ErrorCode.INVALID_VALUE, at + ".dataType '" + type
						+ "' is not one of " + List.copyOf(new java.util.TreeSet<>(TYPES)));
			}
			if (type.asString().equals("VARCHAR")) {
				JsonNode maxLength = field.path("params").get("maxLength");
				if (maxLength == null || !maxLength.canConvertToInt() || maxLength.asInt() < 1) {
					throw new ApiException(ErrorCode.MISSING_FIELD,
							at + ".params.maxLength must be a positive integer for a VARCHAR field");
				}
			}
		}
	}

	/** Checks the data source; answers why the job will fail, or null. */
	private @Nullable String checkDataSource(JsonNode source, String mergeField) {
		String type = source.path("type").asString("").toLowerCase(Locale.ROOT);
		ContainerKind kind = switch (type) {
			case "volume" -> ContainerKind.VOLUME;
			case "stage" -> ContainerKind.STAGE;
			case "s3", "oss" -> throw new ApiException(ErrorCode.INVALID_VALUE, "dataSource.type '" + type
					+ "' is not supported by the emulator: use 'stage' or 'volume'");
			default -> throw new ApiException(ErrorCode.INVALID_VALUE,
					"dataSource.type must be 'stage' or 'volume', was '" + type + "'");
		};
		JsonNode nameNode = source.get(kind.nameField());
		if (nameNode == null || !nameNode.isString()) {
			throw new ApiException(ErrorCode.MISSING_FIELD, "dataSource." + kind.nameField() + " is required");
		}
		Container container = this.containers.get(kind, nameNode.asString());
		JsonNode pathNode = source.get("dataPath");
		if (pathNode == null || !pathNode.isString() || pathNode.asString().isBlank()) {
			throw new ApiException(ErrorCode.MISSING_FIELD, "dataSource.dataPath is required");
		}
		String dataPath = Containers.checkRelative("dataSource.dataPath", pathNode.asString().replaceFirst("^/+", ""));
		List<StoredObject> files = new ArrayList<>();
		if (dataPath.endsWith("/")) {
			files.addAll(this.objects.list(container.prefix() + dataPath));
		}
		else {
			this.objects.head(container.prefix() + dataPath).ifPresent(files::add);
		}
		if (files.isEmpty()) {
			throw new ApiException(ErrorCode.MERGE_DATA_INVALID, "dataSource.dataPath '" + dataPath
					+ "' does not exist in " + kind.noun() + " '" + container.name() + "'");
		}
		for (StoredObject file : files) {
			if (!file.key().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
				throw new ApiException(ErrorCode.MERGE_DATA_INVALID, "dataSource.dataPath '" + dataPath
						+ "' holds '" + file.key().substring(container.prefix().length())
						+ "', which is not a Parquet file");
			}
		}
		for (StoredObject file : files) {
			if (!contains(file.key(), mergeField.getBytes(StandardCharsets.UTF_8))) {
				return "merge field '" + mergeField + "' is not a column of '"
						+ file.key().substring(container.prefix().length()) + "'";
			}
		}
		return null;
	}

	private boolean contains(String key, byte[] needle) {
		byte[] buffer = new byte[64 * 1024 + needle.length];
		int kept = 0;
		try (InputStream in = this.objects.open(key)) {
			int read;
			while ((read = in.read(buffer, kept, buffer.length - kept)) > 0) {
				int length = kept + read;
				for (int i = 0; i + needle.length <= length; i++) {
					if (matches(buffer, i, needle)) {
						return true;
					}
				}
				kept = Math.min(needle.length - 1, length);
				System.arraycopy(buffer, length - kept, buffer, 0, kept);
			}
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean matches(byte[] buffer, int offset, byte[] needle) {
		for (int j = 0; j < needle.length; j++) {
			if (buffer[offset + j] != needle[j]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * One merge job.
	 *
	 * @param jobId its id
	 * @param started when it was created
	 * @param failure why it will fail, or null
	 */
	record MergeJob(String jobId, Instant started, @Nullable String failure) {
	}

}
