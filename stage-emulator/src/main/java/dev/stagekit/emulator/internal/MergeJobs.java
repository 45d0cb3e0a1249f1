package dev.stagekit.emulator.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.stagekit.emulator.EmulatorSettings;
import dev.stagekit.emulator.ErrorCode;
import dev.stagekit.emulator.StoredObject;
import dev.stagekit.emulator.internal.collection.Collection;
import dev.stagekit.emulator.internal.collection.CollectionSchema;
import dev.stagekit.emulator.internal.collection.CollectionStore;
import dev.stagekit.emulator.internal.collection.DataType;
import dev.stagekit.emulator.internal.collection.FieldSchema;
import dev.stagekit.emulator.internal.format.ImportChecker;
import dev.stagekit.emulator.internal.format.ImportFailure;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Merge jobs ({@code POST /v2/etl/merge}) and their status ({@code GET /v2/jobs/{jobId}}). The request is checked
 * against the collection store: the source collection must exist and hold the merge field, the new fields must
 * be new, and the destination must not exist. A stage or volume path must hold Parquet files; a job fails, with a
 * reason, when a file is not valid Parquet or lacks the merge field or a new field as a column. A job that
 * succeeds creates the destination with the merged schema (the source's fields and the new ones, nullable, as a
 * left join leaves them) and the source's rows, visible when the job ends. Jobs live in memory and move PENDING,
 * RUNNING, then SUCCESSFUL or FAILED over the settings' import duration.
 */
final class MergeJobs {

	static final Set<String> TYPES = Set.of("VARCHAR", "INT8", "INT16", "INT32", "INT64", "FLOAT", "DOUBLE", "BOOL");

	private final EmulatorSettings settings;

	private final Containers containers;

	private final ObjectStore objects;

	private final Clock clock;

	private final CollectionStore collections;

	private final ImportChecker checker;

	private final Map<String, MergeJob> jobs = new ConcurrentHashMap<>();

	MergeJobs(EmulatorSettings settings, Containers containers, ObjectStore objects, CollectionStore collections,
			JsonMapper mapper, Clock clock) {
		this.settings = settings;
		this.containers = containers;
		this.objects = objects;
		this.collections = collections;
		this.checker = new ImportChecker(objects::open, mapper);
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
		List<FieldSchema> newFields = checkNewFields(call.body().get("newFields"));
		Collection sourceCollection = this.collections.find(clusterId, db, collection)
			.orElseThrow(() -> new ApiException(ErrorCode.COLLECTION_NOT_FOUND,
					"collection not found[database=" + db + "][collection=" + collection + "]"));
		CollectionSchema sourceSchema = sourceCollection.schema();
		if (sourceSchema.field(mergeField).isEmpty()) {
			throw new ApiException(ErrorCode.INVALID_VALUE, "mergeField '" + mergeField
					+ "' is not a field of collection '" + collection + "'");
		}
		for (FieldSchema field : newFields) {
			if (sourceSchema.field(field.name()).isPresent()) {
				throw new ApiException(ErrorCode.INVALID_VALUE, "newFields: field '" + field.name()
						+ "' already exists in collection '" + collection + "'");
			}
		}
		if (this.collections.taken(clusterId, destDb, destination)) {
			throw new ApiException(ErrorCode.COLLECTION_ALREADY_EXISTS, "destCollectionName '" + destination
					+ "' already exists in database '" + destDb + "'; a merge creates a new collection");
		}
		String failure = null;
		JsonNode source = call.body().get("dataSource");
		if (source != null && !source.isNull()) {
			failure = checkDataSource(source, mergeField, newFields);
		}
		String jobId = "job-" + Containers.randomId(20);
		Instant started = this.clock.instant();
		if (failure == null) {
			Instant end = started.plus(this.settings.importDuration());
			List<FieldSchema> fields = new ArrayList<>(sourceSchema.fields());
			for (FieldSchema field : newFields) {
				fields.add(field.withId(100 + fields.size()));
			}
			CollectionSchema merged = new CollectionSchema(sourceSchema.autoId(), sourceSchema.enableDynamicField(),
					sourceSchema.description(), fields);
			Collection created = this.collections.create(clusterId, destDb, destination, merged, end);
			this.collections.addRows(created, jobId, this.collections.rowCount(sourceCollection), end, false);
		}
		this.jobs.put(jobId, new MergeJob(jobId, started, failure));
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

	/** The new fields, nullable (a left join leaves unmatched rows without values). */
	private static List<FieldSchema> checkNewFields(@Nullable JsonNode fields) {
		if (fields == null || !fields.isArray() || fields.isEmpty()) {
			throw new ApiException(ErrorCode.MISSING_FIELD, "newFields must be a non-empty array");
		}
		List<FieldSchema> parsed = new ArrayList<>();
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
						+ "' is not one of " + List.copyOf(new TreeSet<>(TYPES)));
			}
			int length = 0;
			if (type.asString().equals("VARCHAR")) {
				JsonNode maxLength = field.path("params").get("maxLength");
				if (maxLength == null || !maxLength.canConvertToInt() || maxLength.asInt() < 1) {
					throw new ApiException(ErrorCode.MISSING_FIELD,
							at + ".params.maxLength must be a positive integer for a VARCHAR field");
				}
				length = maxLength.asInt();
			}
			DataType dataType = switch (type.asString()) {
				case "VARCHAR" -> DataType.VarChar;
				case "BOOL" -> DataType.Bool;
				case "INT8" -> DataType.Int8;
				case "INT16" -> DataType.Int16;
				case "INT32" -> DataType.Int32;
				case "INT64" -> DataType.Int64;
				case "FLOAT" -> DataType.Float;
				default -> DataType.Double;
			};
			parsed.add(new FieldSchema(0, name.asString(), dataType, false, false, false, true, false, 0, length, null,
					0));
		}
		return parsed;
	}

	/** Checks the data source; answers why the job will fail, or null. */
	private @Nullable String checkDataSource(JsonNode source, String mergeField, List<FieldSchema> newFields) {
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
			String name = file.key().substring(container.prefix().length());
			List<String> columns;
			try {
				columns = this.checker.parquetColumns(file.key());
			}
			catch (ImportFailure ex) {
				return "'" + name + "': " + ex.reason();
			}
			if (!columns.contains(mergeField)) {
				return "merge field '" + mergeField + "' is not a column of '" + name + "'";
			}
			for (FieldSchema field : newFields) {
				if (!columns.contains(field.name())) {
					return "new field '" + field.name() + "' is not a column of '" + name + "'";
				}
			}
		}
		return null;
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
