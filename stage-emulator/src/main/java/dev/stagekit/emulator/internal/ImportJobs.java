package dev.stagekit.emulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.stagekit.emulator.EmulatorSettings;
import dev.stagekit.emulator.ErrorCode;
import dev.stagekit.emulator.StoredObject;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import jobs: creation checks the request and takes a snapshot of the files it names; describe,
 * list, commit and abort read and change the kept jobs.
 */
final class ImportJobs {

	private static final List<String> EXTENSIONS = List.of(".parquet", ".json", ".jsonl", ".csv", ".npy");

	private final EmulatorSettings settings;

	private final ControlPlaneState state;

	private final Containers containers;

	private final ObjectStore objects;

	private final JsonMapper mapper;

	private final Clock clock;

	ImportJobs(EmulatorSettings settings, ControlPlaneState state, Containers containers, ObjectStore objects,
			JsonMapper mapper, Clock clock) {
		this.settings = settings;
		this.state = state;
		this.containers = containers;
		this.objects = objects;
		this.mapper = mapper;
		this.clock = clock;
	}

	Map<String, Object> create(Call call) {
		String clusterId = call.required("clusterId");
		String clusterRegion = this.containers.clusterRegion(clusterId);
		String collectionName = call.requiredName("collectionName");
		// Optional and not modelled: only checked to be strings.
		call.text("dbName");
		call.text("partitionName");
		if (hasObjectUrls(call.body().get("objectUrls")) || call.has("objectUrl")) {
			throw new ApiException(ErrorCode.INVALID_VALUE, "objectUrls imports are not supported by the emulator");
		}
		boolean volume = call.has("volumeName");
		boolean stage = call.has("stageName");
		if (volume == stage) {
			throw new ApiException(volume ? ErrorCode.INVALID_VALUE : ErrorCode.MISSING_FIELD,
					"exactly one of volumeName or stageName is required");
		}
		ContainerKind kind = volume ? ContainerKind.VOLUME : ContainerKind.STAGE;
		Container source = this.containers.get(kind, call.required(kind.nameField()));
		List<String> dataPaths = dataPaths(call.body().get("dataPaths"));
		if (volume && !source.regionId().equals(clusterRegion)) {
			throw new ApiException(ErrorCode.REGION_MISMATCH, "clusterId '" + clusterId + "' is in region '"
					+ clusterRegion + "' but volumeName '" + source.name() + "' is in region '" + source.regionId()
					+ "'");
		}
		List<ImportJob.ImportFile> files = new ArrayList<>();
		String failure = null;
		for (String dataPath : dataPaths) {
			failure = collect(kind, source, dataPath, files);
			if (failure != null) {
				break;
			}
		}
		String jobId = "job-" + Containers.randomId(20);
		this.state.addJob(new ImportJob(jobId, clusterId, collectionName, this.clock.instant(), List.copyOf(files),
				failure, null));
		return Map.of("jobId", jobId);
	}

	Map<String, Object> describe(Call call) {
		ImportJob job = job(call);
		ImportJob.Status status = job.statusAt(this.clock.instant(), this.settings.importDuration());
		List<Map<String, Object>> details = job.files()
			.stream()
			.map((file) -> progress(file.fileName(), file.fileSize(), status, file.totalRows()))
			.toList();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("jobId", job.jobId());
		data.put("collectionName", job.collectionName());
		data.putAll(progress(String.join(",", job.files().stream().map(ImportJob.ImportFile::fileName).toList()),
				job.files().stream().mapToLong(ImportJob.ImportFile::fileSize).sum(), status,
				job.files().stream().mapToLong(ImportJob.ImportFile::totalRows).sum()));
		data.put("details", details);
		return data;
	}

	Map<String, Object> list(Call call) {
		String clusterId = call.required("clusterId");
		this.containers.clusterRegion(clusterId);
		String collectionName = call.text("collectionName");
		Page page = call.bodyPage();
		Instant now = this.clock.instant();
		List<ImportJob> matching = this.state.jobs()
			.stream()
			.filter((job) -> job.clusterId().equals(clusterId))
			.filter((job) -> collectionName == null || collectionName.isEmpty()
					|| job.collectionName().equals(collectionName))
			.toList();
		List<Map<String, Object>> records = page.slice(matching).stream().map((job) -> {
			ImportJob.Status status = job.statusAt(now, this.settings.importDuration());
			Map<String, Object> record = new LinkedHashMap<>();
			record.put("collectionName", job.collectionName());
			record.put("jobId", job.jobId());
			record.put("state", status.state());
			record.put("progress", status.progress());
			return record;
		}).toList();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("count", matching.size());
		data.put("currentPage", page.currentPage());
		data.put("pageSize", page.pageSize());
		data.put("records", records);
		return data;
	}

	Map<String, Object> commit(Call call) {
		return Map.of("jobId", job(call).jobId());
	}

	Map<String, Object> abort(Call call) {
		String jobId = job(call).jobId();
		Instant now = this.clock.instant();
		this.state.updateJob(jobId,
				(job) -> job.statusAt(now, this.settings.importDuration()).finished() ? job : job.abortedAt(now));
		return Map.of("jobId", jobId);
	}

	private ImportJob job(Call call) {
		String jobId = call.required("jobId");
		String clusterId = call.text("clusterId");
		if (clusterId != null && !clusterId.isEmpty()) {
			this.containers.clusterRegion(clusterId);
		}
		return this.state.job(jobId)
			.orElseThrow(() -> new ApiException(ErrorCode.JOB_NOT_FOUND, "jobId '" + jobId + "' does not exist"));
	}

	private static Map<String, Object> progress(String fileName, long fileSize, ImportJob.Status status,
			long totalRows) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("fileName", fileName);
		data.put("fileSize", fileSize);
		data.put("state", status.state());
		data.put("progress", status.progress());
		data.put("completeTime", Containers.wireTime(status.completeTime()));
		data.put("reason", status.reason());
		data.put("totalRows", totalRows);
		return data;
	}

	private static boolean hasObjectUrls(@Nullable JsonNode urls) {
		return urls != null && !urls.isNull() && !urls.isEmpty();
	}

	private static List<String> dataPaths(@Nullable JsonNode node) {
		if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
			throw new ApiException(ErrorCode.MISSING_FIELD, "dataPaths is required");
		}
		String shape = "dataPaths must be a non-empty array of non-empty arrays of paths, was " + node;
		if (!node.isArray()) {
			throw new ApiException(ErrorCode.INVALID_VALUE, shape);
		}
		List<String> paths = new ArrayList<>();
		for (JsonNode batch : node) {
			if (!batch.isArray() || batch.isEmpty()) {
				throw new ApiException(ErrorCode.INVALID_VALUE, shape);
			}
			for (JsonNode path : batch) {
				if (!path.isString() || path.asString().isEmpty() || path.asString().equals("/")) {
					throw new ApiException(ErrorCode.INVALID_VALUE, shape);
				}
				paths.add(Containers.checkRelative("dataPaths", path.asString()));
			}
		}
		return paths;
	}

	/** Adds the files of one data path, or answers why the job fails. */
	private @Nullable String collect(ContainerKind kind, Container source, String dataPath,
			List<ImportJob.ImportFile> files) {
		String missing = "dataPath '" + dataPath + "' does not exist in " + kind.noun() + " '" + source.name() + "'";
		List<StoredObject> found;
		if (dataPath.endsWith("/")) {
			found = this.objects.list(source.prefix() + dataPath);
			if (found.isEmpty()) {
				return missing;
			}
		}
		else {
			StoredObject object = this.objects.head(source.prefix() + dataPath).orElse(null);
			if (object == null) {
				return missing;
			}
			found = List.of(object);
		}
		for (StoredObject object : found) {
			String relative = object.key().substring(source.prefix().length());
			String extension = extension(relative);
			if (!EXTENSIONS.contains(extension)) {
				return "unsupported file type '" + relative + "': expected .parquet, .json, .jsonl, .csv or .npy";
			}
			files.add(new ImportJob.ImportFile(relative, object.size(), totalRows(object.key(), extension)));
		}
		return null;
	}

	private static String extension(String key) {
		String name = key.substring(key.lastIndexOf('/') + 1);
		int dot = name.lastIndexOf('.');
		return (dot >= 0) ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
	}

	private long totalRows(String key, String extension) {
		try (InputStream in = this.objects.open(key)) {
			return switch (extension) {
				case ".csv" -> Math.max(0, countLines(in) - 1);
				case ".json" -> countJsonRows(in);
				default -> 0;
			};
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (JacksonException ex) {
			return 0;
		}
	}

	private static long countLines(InputStream in) throws IOException {
		byte[] buffer = new byte[8192];
		long lines = 0;
		boolean pending = false;
		int read;
		while ((read = in.read(buffer)) != -1) {
			for (int i = 0; i < read; i++) {
				if (buffer[i] == '\n') {
					lines += pending ? 1 : 0;
					pending = false;
				}
				else if (buffer[i] != '\r') {
					pending = true;
				}
			}
		}
		return lines + (pending ? 1 : 0);
	}

	private long countJsonRows(InputStream in) {
		try (JsonParser parser = this.mapper.createParser(in)) {
			JsonToken first = parser.nextToken();
			if (first == JsonToken.START_ARRAY) {
				return countElements(parser);
			}
			if (first != JsonToken.START_OBJECT) {
				return 0;
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("rows".equals(name) && value == JsonToken.START_ARRAY) {
					return countElements(parser);
				}
				parser.skipChildren();
			}
			return 0;
		}
	}

	private static long countElements(JsonParser parser) {
		long count = 0;
		JsonToken token;
		while ((token = parser.nextToken()) != null && token != JsonToken.END_ARRAY) {
			parser.skipChildren();
			count++;
		}
		return count;
	}

}
