package dev.stagekit.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import jobs read their files against the target collection's schema, as Zilliz does: each refusal ends the job
 * Failed with Milvus's reason, and a correct import adds its rows to the collection's row count.
 */
class ImportCheckTests {

	private static final String JOBS = "/v2/vectordb/jobs/import/";

	private static final String SCHEMA = ParquetFiles.ID_VECTOR_TITLE;

	private static final AtomicInteger FILES = new AtomicInteger();

	private static ZillizCloudEmulator emulator;

	private static ControlPlaneTestClient client;

	private static ControlPlaneTestClient cluster;

	private static String prefix;

	@BeforeAll
	static void start() {
		emulator = ZillizCloudEmulator.builder().importDuration(Duration.ofMillis(200)).start();
		client = new ControlPlaneTestClient(emulator);
		cluster = new ControlPlaneTestClient(emulator.clusterEndpoint(), emulator.apiKey());
		client.createVolume("iv", emulator.regionId(), emulator.projectId());
		client.createVolume("other", emulator.regionId(), emulator.projectId());
		prefix = emulator.volumePrefix("iv").orElseThrow();
		createCollection(emulator, "docs", false, false);
		createCollection(emulator, "auto", true, false);
		createCollection(emulator, "dyn", false, true);
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	/** An INT64 {@code id}, a 4-dimensional {@code vector} and a {@code title} of at most 32 bytes. */
	private static void createCollection(ZillizCloudEmulator target, String name, boolean autoId, boolean dynamic) {
		new ControlPlaneTestClient(target.clusterEndpoint(), target.apiKey()).post("/v2/vectordb/collections/create",
				Map.of("collectionName", name, "schema", Map.of("autoId", autoId, "enableDynamicField", dynamic,
						"fields", List.of(Map.of("fieldName", "id", "dataType", "Int64", "isPrimary", true),
								Map.of("fieldName", "vector", "dataType", "FloatVector", "elementTypeParams",
										Map.of("dim", 4)),
								Map.of("fieldName", "title", "dataType", "VarChar", "elementTypeParams",
										Map.of("max_length", 32))))));
	}

	private static Map<String, Object> row(long id, List<Float> vector, String title) {
		return Map.of("id", id, "vector", vector, "title", title);
	}

	private static List<Map<String, Object>> rows(int count) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(row(i, List.of(i + 0.1f, i + 0.2f, i + 0.3f, i + 0.4f), "title " + i));
		}
		return rows;
	}

	/** Stores a file in the volume under a fresh name and answers its path relative to the volume. */
	private static String put(String extension, byte[] content) {
		String path = "f" + FILES.incrementAndGet() + extension;
		TestObjects.put(emulator, prefix + path, content);
		return path;
	}

	private static String put(String extension, String content) {
		return put(extension, content.getBytes(StandardCharsets.UTF_8));
	}

	private static String create(String collection, String dataPath) {
		return client.post(JOBS + "create", Map.of("clusterId", emulator.clusterId(), "collectionName", collection,
				"volumeName", "iv", "dataPaths", List.of(List.of(dataPath)))).path("jobId").asString();
	}

	/** Imports one path and answers the job once it has ended. */
	private static JsonNode importAndWait(String collection, String dataPath) {
		return client.awaitJob(create(collection, dataPath), (state) -> state.equals("Completed") || state.equals("Failed"));
	}

	private static String reason(String collection, String dataPath) {
		JsonNode job = importAndWait(collection, dataPath);
		assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("Failed");
		return job.path("reason").asString();
	}

	private static long rowCount(String collection) {
		return cluster.post("/v2/vectordb/collections/get_stats", Map.of("collectionName", collection))
			.path("rowCount")
			.longValue();
	}

	@Test
	void parquetImportShouldCompleteAndAddItsRowsToTheCollection() {
		createCollection(emulator, "counted", false, false);
		assertThat(rowCount("counted")).isZero();
		JsonNode job = importAndWait("counted", put(".parquet", ParquetFiles.write(SCHEMA, rows(3))));
		assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("Completed");
		assertThat(job.path("totalRows").longValue()).isEqualTo(3);
		assertThat(rowCount("counted")).isEqualTo(3);
		// A folder of two files.
		TestObjects.put(emulator, prefix + "batch/a.parquet", ParquetFiles.write(SCHEMA, rows(2)));
		TestObjects.put(emulator, prefix + "batch/b.parquet", ParquetFiles.write(SCHEMA, rows(5)));
		JsonNode folder = importAndWait("counted", "batch/");
		assertThat(folder.path("state").asString()).as(folder.toString()).isEqualTo("Completed");
		assertThat(folder.path("details").valueStream().map((file) -> file.path("totalRows").longValue()).toList())
			.containsExactly(2L, 5L);
		assertThat(rowCount("counted")).isEqualTo(10);
		assertThat(emulator.collectionRowCount("counted")).isEqualTo(10);
	}

	@Test
	void rowsShouldCountOnlyOnceTheJobCompletesAndNotAfterAnAbort() {
		try (ZillizCloudEmulator slow = ZillizCloudEmulator.builder().importDuration(Duration.ofHours(1)).start()) {
			ControlPlaneTestClient slowClient = new ControlPlaneTestClient(slow);
			ControlPlaneTestClient slowCluster = new ControlPlaneTestClient(slow.clusterEndpoint(), slow.apiKey());
			slowClient.createVolume("sv", slow.regionId(), slow.projectId());
			createCollection(slow, "pending", false, false);
			TestObjects.put(slow, slow.volumePrefix("sv").orElseThrow() + "rows.parquet", ParquetFiles.write(SCHEMA, rows(4)));
			String jobId = slowClient.post(JOBS + "create", Map.of("clusterId", slow.clusterId(), "collectionName",
					"pending", "volumeName", "sv", "dataPaths", List.of(List.of("rows.parquet")))).path("jobId").asString();
			JsonNode job = slowClient.post(JOBS + "describe", Map.of("jobId", jobId));
			assertThat(job.path("state").asString()).isEqualTo("Pending");
			assertThat(job.path("totalRows").longValue()).isEqualTo(4);
			Map<String, String> stats = Map.of("collectionName", "pending");
			assertThat(slowCluster.post("/v2/vectordb/collections/get_stats", stats).path("rowCount").longValue()).isZero();
			slowClient.post(JOBS + "abort", Map.of("jobId", jobId));
			assertThat(slowClient.post(JOBS + "describe", Map.of("jobId", jobId)).path("state").asString())
				.isEqualTo("Failed");
			assertThat(slowCluster.post("/v2/vectordb/collections/get_stats", stats).path("rowCount").longValue()).isZero();
		}
	}

	@Test
	void parquetImportWhenFileDoesNotFitTheSchemaShouldFailWithMilvusReason() {
		assertThat(reason("ghost", put(".parquet", ParquetFiles.write(SCHEMA, rows(1)))))
			.isEqualTo("collection not found[database=default][collection=ghost]");
		assertThat(reason("docs", put(".parquet", ParquetFiles.write("""
				message row {
				  required int64 id;
				  required group vector (LIST) { repeated group list { required float element; } }
				}""", List.of(Map.of("id", 1L, "vector", List.of(1f, 2f, 3f, 4f)))))))
			.isEqualTo("no parquet field for milvus field 'title'");
		assertThat(reason("docs", put(".parquet",
				ParquetFiles.write(SCHEMA, List.of(row(1, List.of(1f, 2f, 3f, 4f), "a"), row(2, List.of(1f, 2f, 3f), "b"))))))
			.isEqualTo("expected dim '4' for field 'vector' with type 'FloatVector', got dim '3'");
		assertThat(reason("docs", put(".parquet", ParquetFiles.write("""
				message row {
				  required int64 id;
				  required group vector (LIST) { repeated group list { required float element; } }
				  required binary title (STRING);
				  required int32 extra;
				}""", List.of(Map.of("id", 1L, "vector", List.of(1f, 2f, 3f, 4f), "title", "t", "extra", 7))))))
			.isEqualTo("the field: extra is not in schema, if it's a dynamic field, please reformat data by bulk_writer");
		assertThat(reason("docs", put(".parquet", ParquetFiles.write("""
				message row {
				  required int64 id;
				  required group vector (LIST) { repeated group list { required float element; } }
				  required int64 title;
				}""", List.of(Map.of("id", 1L, "vector", List.of(1f, 2f, 3f, 4f), "title", 5L))))))
			.isEqualTo("expect 'VarChar' type for field 'title', but got 'int64' type");
		assertThat(reason("auto", put(".parquet", ParquetFiles.write(SCHEMA, rows(1)))))
			.isEqualTo("the primary key 'id' is auto-generated, no need to provide");
		assertThat(reason("docs", put(".parquet", ParquetFiles.write(SCHEMA,
				List.of(row(1, List.of(1f, 2f, 3f, 4f), "a title much longer than thirty-two bytes"))))))
			.isEqualTo("value length(41) for field title exceeds max_length(32)");
		assertThat(reason("docs", put(".parquet", "PAR1 this is not parquet PAR1"))).startsWith("new parquet reader failed");
	}

	@Test
	void parquetImportIntoAutoIdOrDynamicCollectionsShouldAcceptWhatTheSchemaAllows() {
		String withoutId = put(".parquet", ParquetFiles.write("""
				message row {
				  required group vector (LIST) { repeated group list { required float element; } }
				  required binary title (STRING);
				}""", List.of(Map.of("vector", List.of(1f, 2f, 3f, 4f), "title", "t"))));
		assertThat(importAndWait("auto", withoutId).path("state").asString()).isEqualTo("Completed");
		String extra = put(".parquet", ParquetFiles.write("""
				message row {
				  required int64 id;
				  required group vector (LIST) { repeated group list { required float element; } }
				  required binary title (STRING);
				  required int32 extra;
				}""", List.of(Map.of("id", 1L, "vector", List.of(1f, 2f, 3f, 4f), "title", "t", "extra", 7))));
		assertThat(importAndWait("dyn", extra).path("state").asString()).isEqualTo("Completed");
	}

	@Test
	void parquetImportShouldCheckArraysAndBinaryVectorsRowByRow() {
		cluster.post("/v2/vectordb/collections/create", Map.of("collectionName", "tagged", "schema", Map.of("fields",
				List.of(Map.of("fieldName", "id", "dataType", "Int64", "isPrimary", true),
						Map.of("fieldName", "bits", "dataType", "BinaryVector", "elementTypeParams", Map.of("dim", 16)),
						Map.of("fieldName", "tags", "dataType", "Array", "elementDataType", "VarChar",
								"elementTypeParams", Map.of("max_capacity", 2, "max_length", 5)),
						Map.of("fieldName", "score", "dataType", "Double", "nullable", true)))));
		String schema = """
				message row {
				  required int64 id;
				  required group bits (LIST) { repeated group list { required int32 element (INTEGER(8,false)); } }
				  required group tags (LIST) { repeated group list { required binary element (STRING); } }
				  optional float score;
				}""";
		Map<String, Object> good = Map.of("id", 1L, "bits", List.of(1, 255), "tags", List.of("a", "bc"));
		JsonNode job = importAndWait("tagged", put(".parquet", ParquetFiles.write(schema, List.of(good,
				Map.of("id", 2L, "bits", List.of(0, 7), "tags", List.of("x"), "score", 0.5f)))));
		assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("Completed");
		assertThat(rowCount("tagged")).isEqualTo(2);
		assertThat(reason("tagged", put(".parquet", ParquetFiles.write(schema,
				List.of(good, Map.of("id", 2L, "bits", List.of(1, 2, 3), "tags", List.of("a")))))))
			.isEqualTo("expected dim '16' for field 'bits' with type 'BinaryVector', got dim '24'");
		assertThat(reason("tagged", put(".parquet", ParquetFiles.write(schema,
				List.of(Map.of("id", 2L, "bits", List.of(1, 2), "tags", List.of("a", "b", "c")))))))
			.isEqualTo("array capacity(3) for field tags exceeds max_capacity(2)");
		assertThat(reason("tagged", put(".parquet", ParquetFiles.write(schema,
				List.of(Map.of("id", 2L, "bits", List.of(1, 2), "tags", List.of("toolong")))))))
			.isEqualTo("value length(7) for field tags exceeds max_length(5)");
	}

	@Test
	void jsonImportShouldCheckEveryRow() {
		String good = put(".json", """
				{"rows": [{"id": 1, "vector": [1, 2, 3, 4], "title": "a"},
				          {"id": 2, "vector": [0.5, 0.5, 0.5, 0.5], "title": "b"}]}""");
		JsonNode job = importAndWait("docs", good);
		assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("Completed");
		assertThat(job.path("totalRows").longValue()).isEqualTo(2);
		String list = put(".json", "[{\"id\": 3, \"vector\": [1, 2, 3, 4], \"title\": \"c\", \"color\": \"red\"}]");
		assertThat(importAndWait("dyn", list).path("state").asString()).isEqualTo("Completed");
		assertThat(reason("docs", list)).isEqualTo("the field 'color' is not defined in schema");
		assertThat(reason("docs", put(".json", "[{\"id\": 1, \"vector\": [1, 2, 3, 4]}]")))
			.isEqualTo("value of field 'title' is missed");
		assertThat(reason("docs", put(".json", "[{\"id\": 1, \"vector\": [1, 2, 3, 4], \"title\": 5}]")))
			.isEqualTo("expected type 'VarChar' for field 'title', got type 'json.Number' with value '5'");
		assertThat(reason("docs", put(".json", "[{\"id\": \"1\", \"vector\": [1, 2, 3, 4], \"title\": \"t\"}]")))
			.isEqualTo("expected type 'Int64' for field 'id', got type 'string' with value '1'");
		assertThat(reason("docs", put(".json", "[{\"id\": 1, \"vector\": [1, 2], \"title\": \"t\"}]")))
			.isEqualTo("expected dim '4' for field 'vector' with type 'FloatVector', got dim '2'");
		assertThat(reason("auto", put(".json", "[{\"id\": 1, \"vector\": [1, 2, 3, 4], \"title\": \"t\"}]")))
			.isEqualTo("the primary key 'id' is auto-generated, no need to provide");
		String broken = put(".json", "[{\"id\": 1, \"vector\": [1, 2, 3, 4], ");
		assertThat(reason("docs", broken)).startsWith("failed to parse the JSON file '" + broken + "': not valid JSON");
	}

	@Test
	void csvAndJsonLinesImportsShouldCheckEveryRow() {
		String csv = put(".csv", "id,vector,title\n1,\"[1,2,3,4]\",first\n2,\"[5,6,7,8]\",\"second, with a comma\"\n");
		JsonNode job = importAndWait("docs", csv);
		assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("Completed");
		assertThat(job.path("totalRows").longValue()).isEqualTo(2);
		assertThat(reason("docs", put(".csv", "id,vector,title\n1,\"[1,2,3]\",t\n")))
			.isEqualTo("expected dim '4' for field 'vector' with type 'FloatVector', got dim '3'");
		assertThat(reason("docs", put(".csv", "id,vector,title\nx,\"[1,2,3,4]\",t\n")))
			.isEqualTo("expected type 'Int64' for field 'id', got type 'string' with value 'x'");
		assertThat(reason("docs", put(".csv", "id,vector\n1,\"[1,2,3,4]\"\n"))).isEqualTo("value of field 'title' is missed");
		assertThat(reason("docs", put(".csv", "id,vector,title,extra\n1,\"[1,2,3,4]\",t,x\n")))
			.isEqualTo("the field 'extra' is not defined in schema");
		assertThat(reason("docs", put(".csv", "id,vector,title\n1,\"[1,2,3,4]\"\n")))
			.contains("is not equal to the header");
		String lines = put(".jsonl", "{\"id\": 1, \"vector\": [1, 2, 3, 4], \"title\": \"a\"}\n"
				+ "{\"id\": 2, \"vector\": [1, 2, 3, 4], \"title\": \"b\"}\n");
		assertThat(importAndWait("docs", lines).path("totalRows").longValue()).isEqualTo(2);
		assertThat(reason("docs", put(".jsonl", "{\"id\": 1, \"vector\": [1, 2, 3, 4], \"title\": \"a\"}\nnot json\n")))
			.contains("line 2");
	}

	@Test
	void numpyFolderImportShouldCheckDtypesAndShapes() {
		TestObjects.put(emulator, prefix + "np/id.npy", npy("<i8", new long[] { 3 }, 3 * 8));
		TestObjects.put(emulator, prefix + "np/vector.npy", npy("<f4", new long[] { 3, 4 }, 3 * 4 * 4));
		TestObjects.put(emulator, prefix + "np/title.npy", npy("<U8", new long[] { 3 }, 3 * 8 * 4));
		JsonNode job = importAndWait("docs", "np/");
		assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("Completed");
		assertThat(job.path("totalRows").longValue()).isEqualTo(3);
		assertThat(job.path("details").get(0).path("fileName").asString()).isEqualTo("np/");
		TestObjects.put(emulator, prefix + "npdim/id.npy", npy("<i8", new long[] { 3 }, 3 * 8));
		TestObjects.put(emulator, prefix + "npdim/vector.npy", npy("<f4", new long[] { 3, 5 }, 3 * 5 * 4));
		TestObjects.put(emulator, prefix + "npdim/title.npy", npy("<U8", new long[] { 3 }, 3 * 8 * 4));
		assertThat(reason("docs", "npdim/"))
			.isEqualTo("expected dim '4' for field 'vector' with type 'FloatVector', got dim '5'");
		TestObjects.put(emulator, prefix + "npmiss/id.npy", npy("<i8", new long[] { 3 }, 3 * 8));
		TestObjects.put(emulator, prefix + "npmiss/vector.npy", npy("<f4", new long[] { 3, 4 }, 3 * 4 * 4));
		assertThat(reason("docs", "npmiss/")).isEqualTo("no file for field: title, files: [id.npy, vector.npy]");
		TestObjects.put(emulator, prefix + "npbad/id.npy", "not numpy");
		assertThat(reason("docs", "npbad/")).startsWith("failed to parse the numpy file 'npbad/id.npy'");
	}

	@Test
	void numpyFolderImportShouldReadStringValuesAndRefuseTruncatedFiles() {
		putNumpyRows("npok/", List.of("héllo", "", "a title of exactly thirty-two b."), ByteOrder.BIG_ENDIAN);
		JsonNode ok = importAndWait("docs", "npok/");
		assertThat(ok.path("state").asString()).as(ok.toString()).isEqualTo("Completed");
		assertThat(ok.path("totalRows").longValue()).isEqualTo(3);
		// 17 characters, 34 bytes in UTF-8: VarChar lengths count bytes, as Milvus does.
		putNumpyRows("nplong/", List.of("a", "é".repeat(17), "c"), ByteOrder.LITTLE_ENDIAN);
		assertThat(reason("docs", "nplong/")).isEqualTo("value length(34) for field title exceeds max_length(32)");
		putNumpyRows("nptrunc/", List.of("a", "b", "c"), ByteOrder.LITTLE_ENDIAN);
		TestObjects.put(emulator, prefix + "nptrunc/id.npy", npy("<i8", new long[] { 3 }, 2 * 8));
		assertThat(reason("docs", "nptrunc/")).isEqualTo("failed to parse the numpy file 'nptrunc/id.npy': not a valid"
				+ " .npy file, its data is 16 bytes, but shape [3] of dtype '<i8' needs 24");

		putNumpyRows("npmeta/", List.of("a", "b", "c"), ByteOrder.LITTLE_ENDIAN);
		TestObjects.put(emulator, prefix + "npmeta/$meta.npy",
				npy("<U12", new long[] { 3 }, utf32(List.of("{\"x\": 1}", "{}", "[1, 2]"), 12, ByteOrder.LITTLE_ENDIAN)));
		assertThat(reason("dyn", "npmeta/"))
			.isEqualTo("illegal value for the dynamic field $meta in row 2: it must be a JSON object, got '[1, 2]'");
		TestObjects.put(emulator, prefix + "npmeta/$meta.npy",
				npy("<U12", new long[] { 3 }, utf32(List.of("{\"x\": 1}", "{}", "{\"y\": [2]}"), 12, ByteOrder.LITTLE_ENDIAN)));
		assertThat(importAndWait("dyn", "npmeta/").path("totalRows").longValue()).isEqualTo(3);
		TestObjects.put(emulator, prefix + "npmeta/$meta.npy", npy("<i8", new long[] { 3 }, 3 * 8));
		assertThat(reason("dyn", "npmeta/")).isEqualTo("expected a string numpy dtype ('<U...') for the dynamic field"
				+ " $meta, got '<i8'");
		// An empty column of an absurd width is refused, not allocated.
		putNumpyRows("npwide/", List.of(), ByteOrder.LITTLE_ENDIAN);
		TestObjects.put(emulator, prefix + "npwide/title.npy", npy("<U1000000000", new long[] { 0 }, 0));
		assertThat(reason("docs", "npwide/")).isEqualTo("failed to parse the numpy file 'npwide/title.npy': not a valid"
				+ " .npy file, its dtype '<U1000000000' is wider than the 65535 characters a string field holds");
	}

	/** An id, vector and title folder of {@code titles.size()} rows with these titles. */
	private static void putNumpyRows(String folder, List<String> titles, ByteOrder order) {
		int rows = titles.size();
		TestObjects.put(emulator, prefix + folder + "id.npy", npy("<i8", new long[] { rows }, rows * 8));
		TestObjects.put(emulator, prefix + folder + "vector.npy", npy("<f4", new long[] { rows, 4 }, rows * 4 * 4));
		String descr = ((order == ByteOrder.BIG_ENDIAN) ? ">" : "<") + "U40";
		TestObjects.put(emulator, prefix + folder + "title.npy", npy(descr, new long[] { rows }, utf32(titles, 40, order)));
	}

	/** NumPy's fixed-width string data: {@code width} UTF-32 code units per value, padded with NULs. */
	private static byte[] utf32(List<String> values, int width, ByteOrder order) {
		ByteBuffer data = ByteBuffer.allocate(values.size() * width * 4).order(order);
		for (String value : values) {
			int[] codePoints = value.codePoints().toArray();
			for (int i = 0; i < width; i++) {
				data.putInt((i < codePoints.length) ? codePoints[i] : 0);
			}
		}
		return data.array();
	}

	@Test
	void createWithTheSameIdempotencyKeyShouldAnswerTheSameJob() {
		createCollection(emulator, "once", false, false);
		String path = put(".parquet", ParquetFiles.write(SCHEMA, rows(2)));
		Map<String, Object> body = Map.of("clusterId", emulator.clusterId(), "collectionName", "once", "volumeName",
				"iv", "dataPaths", List.of(List.of(path)));
		long before = emulator.requestCount("POST /v2/vectordb/jobs/import/create");
		String first = created(client.send("POST", JOBS + "create", body, "Idempotency-Key", "retry-1"));
		String second = created(client.send("POST", JOBS + "create", body, "Idempotency-Key", "retry-1"));
		assertThat(second).isEqualTo(first);
		assertThat(emulator.requestCount("POST /v2/vectordb/jobs/import/create")).isEqualTo(before + 2);
		JsonNode jobs = client.post(JOBS + "list", Map.of("clusterId", emulator.clusterId(), "collectionName", "once"));
		assertThat(jobs.path("count").intValue()).isEqualTo(1);
		client.awaitJob(first, "Completed"::equals);
		assertThat(rowCount("once")).isEqualTo(2);
		// Another key makes another job; the same key with another body is refused.
		String third = created(client.send("POST", JOBS + "create", body, "Idempotency-Key", "retry-2"));
		assertThat(third).isNotEqualTo(first);
		Map<String, Object> other = new HashMap<>(body);
		other.put("dataPaths", List.of(List.of("elsewhere.parquet")));
		JsonNode reused = ControlPlaneTestClient.JSON
			.readTree(client.send("POST", JOBS + "create", other, "Idempotency-Key", "retry-1").body());
		assertThat(reused.path("code").intValue()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED.code());
		assertThat(reused.path("message").asString()).contains("'retry-1'").contains(first);
		JsonNode invalid = ControlPlaneTestClient.JSON
			.readTree(client.send("POST", JOBS + "create", body, "Idempotency-Key", "x".repeat(257)).body());
		assertThat(invalid.path("code").intValue()).isEqualTo(ErrorCode.INVALID_VALUE.code());
		assertThat(client.post(JOBS + "list", Map.of("clusterId", emulator.clusterId(), "collectionName", "once"))
			.path("count")
			.intValue()).isEqualTo(2);
	}

	@Test
	void httpStatusAfterProcessingShouldCreateTheJobAndLoseItsAnswer() {
		createCollection(emulator, "lost", false, false);
		String path = put(".parquet", ParquetFiles.write(SCHEMA, rows(1)));
		Map<String, Object> body = Map.of("clusterId", emulator.clusterId(), "collectionName", "lost", "volumeName",
				"iv", "dataPaths", List.of(List.of(path)));
		emulator.inject(ControlPlaneFault.httpStatusAfterProcessing(503).on("POST /v2/vectordb/jobs/import/create"));
		java.net.http.HttpResponse<String> lost = client.send("POST", JOBS + "create", body, "Idempotency-Key", "lost-1");
		assertThat(lost.statusCode()).isEqualTo(503);
		assertThat(lost.body()).doesNotContain("jobId");
		JsonNode jobs = client.post(JOBS + "list", Map.of("clusterId", emulator.clusterId(), "collectionName", "lost"));
		assertThat(jobs.path("count").intValue()).isEqualTo(1);
		String retried = created(client.send("POST", JOBS + "create", body, "Idempotency-Key", "lost-1"));
		assertThat(jobs.path("records").get(0).path("jobId").asString()).isEqualTo(retried);
	}

	private static String created(java.net.http.HttpResponse<String> response) {
		JsonNode envelope = ControlPlaneTestClient.JSON.readTree(response.body());
		assertThat(envelope.path("code").intValue()).as(response.body()).isZero();
		return envelope.path("data").path("jobId").asString();
	}

	@Test
	void objectUrlsShouldImportFromTheDataPlaneWithApplyCredentials() {
		JsonNode applied = client.post("/v2/volumes/apply", Map.of("volumeName", "iv", "path", "own/"));
		String bucket = applied.path("bucketName").asString();
		String key = applied.path("uploadPath").asString() + "rows.parquet";
		TestObjects.put(emulator, key, ParquetFiles.write(SCHEMA, rows(3)));
		JsonNode credentials = applied.path("credentials");
		Map<String, Object> body = new HashMap<>(Map.of("clusterId", emulator.clusterId(), "collectionName", "docs",
				"objectUrls", List.of(List.of("s3://" + bucket + "/" + key)), "accessKey",
				credentials.path("tmpAK").asString(), "secretKey", credentials.path("tmpSK").asString(), "token",
				credentials.path("sessionToken").asString()));
		String jobId = client.post(JOBS + "create", body).path("jobId").asString();
		JsonNode job = client.awaitJob(jobId, (state) -> state.equals("Completed") || state.equals("Failed"));
		assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("Completed");
		assertThat(job.path("totalRows").longValue()).isEqualTo(3);
		assertThat(job.path("details").get(0).path("fileName").asString()).isEqualTo(key);
		// The data plane's own path-style URL works too.
		body.put("objectUrls", List.of(List.of(emulator.dataPlaneUrl() + "/" + bucket + "/" + key)));
		String viaHttps = client.post(JOBS + "create", body).path("jobId").asString();
		assertThat(client.awaitJob(viaHttps, "Completed"::equals).path("totalRows").longValue()).isEqualTo(3);
		// A key inside the scope that holds nothing fails the job.
		body.put("objectUrls", List.of(List.of("s3://" + bucket + "/" + applied.path("uploadPath").asString() + "none.parquet")));
		String missing = client.post(JOBS + "create", body).path("jobId").asString();
		assertThat(client.awaitJob(missing, "Failed"::equals).path("reason").asString()).endsWith("none.parquet' does not exist");
	}

	@Test
	void objectUrlsShouldBeRefusedOutsideTheDataPlaneOrTheCredentialsScope() {
		JsonNode applied = client.post("/v2/volumes/apply", Map.of("volumeName", "iv", "path", "scoped/"));
		String bucket = applied.path("bucketName").asString();
		JsonNode credentials = applied.path("credentials");
		String inScope = "s3://" + bucket + "/" + applied.path("uploadPath").asString() + "a.parquet";
		Map<String, Object> body = new HashMap<>(Map.of("clusterId", emulator.clusterId(), "collectionName", "docs",
				"accessKey", credentials.path("tmpAK").asString(), "secretKey", credentials.path("tmpSK").asString()));
		body.put("objectUrls", List.of(List.of("s3://someone-elses-bucket/data/a.parquet")));
		assertThat(client.error("POST", JOBS + "create", body, ErrorCode.OBJECT_URL_REFUSED))
			.contains("bucket 'someone-elses-bucket' is not this emulator's bucket");
		body.put("objectUrls", List.of(List.of("https://s3.amazonaws.com/" + bucket + "/x.parquet")));
		assertThat(client.error("POST", JOBS + "create", body, ErrorCode.OBJECT_URL_REFUSED))
			.contains("it is not this emulator's data plane");
		body.put("objectUrls", List.of(List.of("gs://" + bucket + "/x.parquet")));
		assertThat(client.error("POST", JOBS + "create", body, ErrorCode.OBJECT_URL_REFUSED))
			.contains("scheme 'gs' is not supported");
		String otherVolume = emulator.volumePrefix("other").orElseThrow();
		body.put("objectUrls", List.of(List.of("s3://" + bucket + "/" + otherVolume + "a.parquet")));
		assertThat(client.error("POST", JOBS + "create", body, ErrorCode.OBJECT_URL_REFUSED))
			.contains("lies outside the scope");
		body.put("objectUrls", List.of(List.of(inScope)));
		body.put("secretKey", "wrong");
		assertThat(client.error("POST", JOBS + "create", body, ErrorCode.OBJECT_URL_REFUSED))
			.contains("not credentials of this emulator's data plane");
		body.remove("secretKey");
		assertThat(client.error("POST", JOBS + "create", body, ErrorCode.MISSING_FIELD))
			.isEqualTo("accessKey and secretKey are required with objectUrls");
		assertThat(client.post(JOBS + "list", Map.of("clusterId", emulator.clusterId(), "collectionName", "docs"))
			.path("records")
			.valueStream()
			.count()).isLessThanOrEqualTo(10);
	}

	/** A {@code .npy} file (format 1.0) with this dtype and shape and {@code dataBytes} zero bytes of data. */
	private static byte[] npy(String descr, long[] shape, int dataBytes) {
		return npy(descr, shape, new byte[dataBytes]);
	}

	/** A {@code .npy} file (format 1.0) with this dtype and shape and this data. */
	private static byte[] npy(String descr, long[] shape, byte[] data) {
		StringBuilder dims = new StringBuilder();
		for (long dim : shape) {
			dims.append(dim).append(", ");
		}
		String tuple = (shape.length == 1) ? shape[0] + "," : dims.substring(0, dims.length() - 2);
		StringBuilder header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + tuple
				+ "), }");
		while ((10 + header.length() + 1) % 64 != 0) {
			header.append(' ');
		}
		header.append('\n');
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0 });
		out.writeBytes(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length()).array());
		out.writeBytes(header.toString().getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(data);
		return out.toByteArray();
	}

}
