package dev.stagekit.emulator.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.stagekit.emulator.EmulatorSettings;
import dev.stagekit.emulator.ErrorCode;
import dev.stagekit.emulator.StoredObject;
import dev.stagekit.emulator.internal.collection.Collection;
import dev.stagekit.emulator.internal.collection.CollectionStore;
import dev.stagekit.emulator.internal.format.ImportChecker;
import dev.stagekit.emulator.internal.format.ImportFailure;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import jobs: creation checks the request, then reads the files it names against the target collection's
 * schema (the job fails with Milvus's reason when they do not fit) and counts their rows, which the collection
 * gains when the job completes, or, for a two-phase import, when it is committed; describe, list, commit and abort
 * read and change the kept jobs. An
 * {@code Idempotency-Key} header makes a repeated create answer the first job.
 */
final class ImportJobs {

	private final EmulatorSettings settings;

	private final ControlPlaneState state;

	private final Containers containers;

	private final ObjectStore objects;

	private final CollectionStore collections;

	private final SessionRegistry sessions;

	private final Supplier<List<URI>> dataPlaneUrls;

	private final ImportChecker checker;

	private final ImportIdempotency idempotency;

	private final Clock clock;

	ImportJobs(EmulatorSettings settings, ControlPlaneState state, Containers containers, ObjectStore objects,
			CollectionStore collections, SessionRegistry sessions, Supplier<List<URI>> dataPlaneUrls,
			JsonMapper mapper, Clock clock) {
		this.settings = settings;
		this.state = state;
		this.containers = containers;
		this.objects = objects;
		this.collections = collections;
		this.sessions = sessions;
		this.dataPlaneUrls = dataPlaneUrls;
		this.checker = new ImportChecker(objects::open, mapper);
		this.idempotency = new ImportIdempotency(state, clock);
		this.clock = clock;
	}

	Map<String, Object> create(Call call) {
		String clusterId = call.required("clusterId");
		String clusterRegion = this.containers.clusterRegion(clusterId);
		String collectionName = call.requiredName("collectionName");
		String dbName = CollectionStore.db(call.text("dbName"));
		// Optional and not modelled: only checked to be a string.
		call.text("partitionName");
		String key = call.header("Idempotency-Key");
		if (key == null) {
			return Map.of("jobId", createJob(call, clusterId, clusterRegion, dbName, collectionName));
		}
		String scope = clusterId + "/" + dbName + "/" + collectionName;
		return Map.of("jobId", this.idempotency.jobFor(scope, ImportIdempotency.check(key), call.body(),
				() -> createJob(call, clusterId, clusterRegion, dbName, collectionName)));
	}

	private String createJob(Call call, String clusterId, String clusterRegion, String dbName, String collectionName) {
		boolean twoPhase = twoPhase(call.body().get("options"));
		boolean urls = hasObjectUrls(call.body().get("objectUrls")) || call.has("objectUrl");
		boolean volume = call.has("volumeName");
		boolean stage = call.has("stageName");
		if (urls && (volume || stage)) {
			throw new ApiException(ErrorCode.INVALID_VALUE,
					"exactly one data source is allowed: objectUrls, volumeName or stageName");
		}
		List<StoredObject> found = new ArrayList<>();
		String failure;
		Function<String, String> relative;
		if (urls) {
			failure = collectUrls(call, found);
			relative = (objectKey) -> objectKey;
		}
		else {
			if (volume == stage) {
				throw new ApiException(volume ? ErrorCode.INVALID_VALUE : ErrorCode.MISSING_FIELD,
						"exactly one of volumeName or stageName is required");
			}
			ContainerKind kind = volume ? ContainerKind.VOLUME : ContainerKind.STAGE;
			Container source = this.containers.get(kind, call.required(kind.nameField()));
			List<String> dataPaths = dataPaths(call.body().get("dataPaths"));
			if (volume && !source.regionId().equals(clusterRegion)) {
				throw new ApiException(ErrorCode.REGION_MISMATCH, "clusterId '" + clusterId + "' is in region '"
						+ clusterRegion + "' but volumeName '" + source.name() + "' is in region '"
						+ source.regionId() + "'");
			}
			failure = null;
			for (String dataPath : dataPaths) {
				failure = collect(kind, source, dataPath, found);
				if (failure != null) {
					break;
				}
			}
			relative = (objectKey) -> objectKey.substring(source.prefix().length());
		}
		String jobId = "job-" + Containers.randomId(20);
		Instant now = this.clock.instant();
		List<ImportJob.ImportFile> files = new ArrayList<>();
		Collection target = null;
		if (failure == null) {
			target = this.collections.find(clusterId, dbName, collectionName).orElse(null);
			if (target == null) {
				failure = "collection not found[database=" + dbName + "][collection=" + collectionName + "]";
			}
		}
		for (ImportChecker.Source source : ImportChecker.group(found, relative)) {
			long rows = 0;
			if (failure == null) {
				try {
					rows = this.checker.check(target.schema(), source);
				}
				catch (ImportFailure ex) {
					failure = ex.reason();
				}
			}
			files.add(new ImportJob.ImportFile(source.name(), source.size(), rows));
		}
		if (failure == null) {
			long rows = files.stream().mapToLong(ImportJob.ImportFile::totalRows).sum();
			this.collections.addRows(target, jobId, rows, now.plus(this.settings.importDuration()), twoPhase);
		}
		this.state.addJob(new ImportJob(jobId, clusterId, collectionName, now, List.copyOf(files), failure, null,
				twoPhase, null));
		return jobId;
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

	/**
	 * Commits a two-phase import: its rows count from its completion, or from now if it completed before. A job
	 * that imports without the two phases, failed, was aborted or was committed already is answered unchanged.
	 */
	Map<String, Object> commit(Call call) {
		String jobId = job(call).jobId();
		Instant now = this.clock.instant();
		this.state.updateJob(jobId, (job) -> {
			if (!job.twoPhase() || job.committedAt() != null || job.abortedAt() != null || job.failure() != null) {
				return job;
			}
			this.collections.release(jobId, now);
			return job.committedAt(now);
		});
		return Map.of("jobId", jobId);
	}

	/**
	 * Aborts a job whose rows do not count yet: one still running, or a two-phase import not committed, even after
	 * it completed. Its rows are dropped and it reads as failed with reason "aborted".
	 */
	Map<String, Object> abort(Call call) {
		String jobId = job(call).jobId();
		Instant now = this.clock.instant();
		this.state.updateJob(jobId, (job) -> {
			if (job.abortedAt() != null || job.settled(now, this.settings.importDuration())) {
				return job;
			}
			this.collections.cancel(jobId);
			return job.abortedAt(now);
		});
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

	/**
	 * Whether {@code options} asks for a two-phase import. Zilliz requires option values to be strings
	 * ({@code "auto_commit": "false"}); any other value is refused rather than read one way or the other.
	 */
	private static boolean twoPhase(@Nullable JsonNode options) {
		if (options == null || options.isNull()) {
			return false;
		}
		if (!options.isObject()) {
			throw new ApiException(ErrorCode.INVALID_VALUE, "options must be an object of string values, was " + options);
		}
		for (Map.Entry<String, JsonNode> option : options.properties()) {
			if (!option.getValue().isString()) {
				throw new ApiException(ErrorCode.INVALID_VALUE, "options." + option.getKey() + " must be a string, as in"
						+ " {\"auto_commit\": \"false\"}, was " + option.getValue());
			}
		}
		JsonNode autoCommit = options.get("auto_commit");
		return autoCommit != null && autoCommit.asString().equalsIgnoreCase("false");
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
	private @Nullable String collect(ContainerKind kind, Container source, String dataPath, List<StoredObject> files) {
		String missing = "dataPath '" + dataPath + "' does not exist in " + kind.noun() + " '" + source.name() + "'";
		List<StoredObject> found = objectsAt(source.prefix() + dataPath);
		if (found.isEmpty()) {
			return missing;
		}
		for (StoredObject object : found) {
			String relative = object.key().substring(source.prefix().length());
			if (!ImportChecker.EXTENSIONS.contains(ImportChecker.extension(relative))) {
				return "unsupported file type '" + relative + "': expected .parquet, .json, .jsonl, .csv or .npy";
			}
		}
		files.addAll(found);
		return null;
	}

	/** The objects of a folder key (ending with '/'), or the one object with that key. */
	private List<StoredObject> objectsAt(String key) {
		if (key.endsWith("/")) {
			return this.objects.list(key);
		}
		return this.objects.head(key).map(List::of).orElse(List.of());
	}

	/**
	 * Adds the files that {@code objectUrls} (or the deprecated {@code objectUrl}) name, or answers why the job
	 * fails. URLs must point into this emulator's bucket, as {@code s3://<bucket>/<key>} or as a path-style URL
	 * of its data plane, and the {@code accessKey}/{@code secretKey} (and {@code token}, if given) must be
	 * credentials {@code apply} issued whose scope covers every key.
	 */
	private @Nullable String collectUrls(Call call, List<StoredObject> files) {
		List<String> urls = new ArrayList<>();
		JsonNode node = call.body().get("objectUrls");
		String shape = "objectUrls must be an array of arrays of URLs, was " + node;
		if (hasObjectUrls(node)) {
			if (!node.isArray()) {
				throw new ApiException(ErrorCode.INVALID_VALUE, shape);
			}
			for (JsonNode batch : node) {
				if (!batch.isArray() || batch.isEmpty()) {
					throw new ApiException(ErrorCode.INVALID_VALUE, shape);
				}
				for (JsonNode url : batch) {
					if (!url.isString() || url.asString().isBlank()) {
						throw new ApiException(ErrorCode.INVALID_VALUE, shape);
					}
					urls.add(url.asString());
				}
			}
		}
		else {
			urls.add(call.required("objectUrl"));
		}
		String accessKey = call.text("accessKey");
		String secretKey = call.text("secretKey");
		if (accessKey == null || accessKey.isEmpty() || secretKey == null || secretKey.isEmpty()) {
			throw new ApiException(ErrorCode.MISSING_FIELD, "accessKey and secretKey are required with objectUrls");
		}
		SessionRegistry.Session session = this.sessions.byAccessKey(accessKey)
			.filter((candidate) -> MessageDigest.isEqual(
					candidate.secretKey().getBytes(StandardCharsets.UTF_8),
					secretKey.getBytes(StandardCharsets.UTF_8)))
			.orElseThrow(() -> new ApiException(ErrorCode.OBJECT_URL_REFUSED,
					"the accessKey and secretKey are not credentials of this emulator's data plane: use the tmpAK and"
							+ " tmpSK that apply returned"));
		String token = call.text("token");
		if (token != null && !token.isEmpty() && !token.equals(session.sessionToken())) {
			throw new ApiException(ErrorCode.OBJECT_URL_REFUSED,
					"the token does not belong to the accessKey: use the sessionToken that apply returned with it");
		}
		if (this.sessions.isExpired(session)) {
			throw new ApiException(ErrorCode.OBJECT_URL_REFUSED,
					"the credentials of accessKey '" + accessKey + "' have expired: apply for new ones");
		}
		for (String url : urls) {
			String key = objectKey(url);
			if (!session.covers(key)) {
				throw new ApiException(ErrorCode.OBJECT_URL_REFUSED, "objectUrl '" + url + "' lies outside the scope of"
						+ " accessKey '" + accessKey + "', which may read only keys under '" + session.scopePrefix() + "'");
			}
			List<StoredObject> found = objectsAt(key);
			if (found.isEmpty()) {
				return "objectUrl '" + url + "' does not exist";
			}
			for (StoredObject object : found) {
				if (!ImportChecker.EXTENSIONS.contains(ImportChecker.extension(object.key()))) {
					return "unsupported file type '" + object.key() + "': expected .parquet, .json, .jsonl, .csv or .npy";
				}
			}
			files.addAll(found);
		}
		return null;
	}

	/** The key an object URL names in this emulator's bucket, or a refusal naming what is wrong. */
	private String objectKey(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new ApiException(ErrorCode.INVALID_VALUE, "objectUrl '" + url + "' is not a valid URL");
		}
		String bucket = this.settings.bucketName();
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		String path;
		switch (scheme) {
			case "s3" -> {
				if (!bucket.equals(uri.getHost())) {
					throw refused(url, "bucket '" + uri.getHost() + "' is not this emulator's bucket '" + bucket + "'");
				}
				path = uri.getRawPath();
			}
			case "http", "https" -> {
				boolean ours = this.dataPlaneUrls.get()
					.stream()
					.anyMatch((plane) -> plane.getScheme().equals(scheme) && plane.getHost().equals(uri.getHost())
							&& plane.getPort() == uri.getPort());
				if (!ours) {
					throw refused(url, "it is not this emulator's data plane " + this.dataPlaneUrls.get());
				}
				String raw = uri.getRawPath();
				if (!raw.startsWith("/" + bucket + "/")) {
					throw refused(url, "its path does not start with this emulator's bucket '/" + bucket + "/'");
				}
				path = raw.substring(bucket.length() + 1);
			}
			default -> throw refused(url, "scheme '" + scheme + "' is not supported: use s3://" + bucket
					+ "/<key> or a path-style URL of the data plane");
		}
		String key = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
		key = key.startsWith("/") ? key.substring(1) : key;
		if (key.isEmpty()) {
			throw refused(url, "it names no object key");
		}
		Containers.checkRelative("objectUrls", key);
		return key;
	}

	private static ApiException refused(String url, String why) {
		return new ApiException(ErrorCode.OBJECT_URL_REFUSED, "objectUrl '" + url
				+ "' does not point into the emulator's data plane: " + why
				+ ". The emulator imports only from its own bucket");
	}

}
