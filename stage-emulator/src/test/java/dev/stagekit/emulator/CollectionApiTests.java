package dev.stagekit.emulator;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Milvus RESTful v2 collection subset on each cluster's endpoint, over HTTP.
 */
class CollectionApiTests {

	private static final String COLLECTIONS = "/v2/vectordb/collections/";

	private static ZillizCloudEmulator emulator;

	private static ControlPlaneTestClient cluster;

	@BeforeAll
	static void start() {
		emulator = ZillizCloudEmulator.builder().cluster("in01-second", "aws-us-east-1").start();
		cluster = new ControlPlaneTestClient(emulator.clusterEndpoint(), emulator.apiKey());
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	private static Map<String, Object> field(String name, String type, Object... more) {
		Map<String, Object> field = new java.util.LinkedHashMap<>(Map.of("fieldName", name, "dataType", type));
		for (int i = 0; i < more.length; i += 2) {
			field.put((String) more[i], more[i + 1]);
		}
		return field;
	}

	private static Map<String, Object> create(String name, boolean autoId, boolean dynamic, List<?> fields) {
		return Map.of("collectionName", name, "schema",
				Map.of("autoId", autoId, "enableDynamicField", dynamic, "fields", fields));
	}

	/** Milvus's error envelope: HTTP 200, a non-zero code and a message. */
	private static String milvusError(String action, Object body, int code) {
		JsonNode envelope = cluster.call("POST", COLLECTIONS + action, body);
		assertThat(envelope.path("code").intValue()).as(envelope.toString()).isEqualTo(code);
		return envelope.path("message").asString();
	}

	@Test
	void createDescribeListStatsAndDropShouldFollowTheCollectionsLifecycle() {
		List<Map<String, Object>> fields = List.of(field("doc_id", "VarChar", "isPrimary", true, "elementTypeParams",
				Map.of("max_length", 64)), field("embedding", "FloatVector", "elementTypeParams", Map.of("dim", "8")),
				field("sparse", "SparseFloatVector"), field("bits", "BinaryVector", "elementTypeParams", Map.of("dim", 16)),
				field("half", "Float16Vector", "elementTypeParams", Map.of("dim", 4)),
				field("brain", "BFloat16Vector", "elementTypeParams", Map.of("dim", 4)),
				field("title", "VarChar", "elementTypeParams", Map.of("max_length", 200), "nullable", true),
				field("i8", "Int8"), field("i16", "Int16"), field("i32", "Int32"), field("i64", "Int64"),
				field("f", "Float"), field("d", "Double"), field("b", "Bool"), field("meta", "JSON"),
				field("tags", "Array", "elementDataType", "VarChar", "elementTypeParams",
						Map.of("max_capacity", 10, "max_length", 16)));
		assertThat(cluster.post(COLLECTIONS + "create", create("articles", true, true, fields)).size()).isZero();
		// Creating it again with the same schema is accepted, as Milvus does.
		cluster.post(COLLECTIONS + "create", create("articles", true, true, fields));

		JsonNode described = cluster.post(COLLECTIONS + "describe", Map.of("collectionName", "articles"));
		assertThat(described.path("collectionName").asString()).isEqualTo("articles");
		assertThat(described.path("autoId").booleanValue()).isTrue();
		assertThat(described.path("enableDynamicField").booleanValue()).isTrue();
		assertThat(described.path("collectionID").longValue()).isPositive();
		JsonNode described0 = described.path("fields").get(0);
		assertThat(described0.path("name").asString()).isEqualTo("doc_id");
		assertThat(described0.path("type").asString()).isEqualTo("VarChar");
		assertThat(described0.path("primaryKey").booleanValue()).isTrue();
		assertThat(described0.path("autoId").booleanValue()).isTrue();
		assertThat(described0.path("id").longValue()).isEqualTo(100);
		assertThat(described0.path("params").toString()).isEqualTo("[{\"key\":\"max_length\",\"value\":\"64\"}]");
		JsonNode embedding = described.path("fields").get(1);
		assertThat(embedding.path("type").asString()).isEqualTo("FloatVector");
		assertThat(embedding.path("params").toString()).isEqualTo("[{\"key\":\"dim\",\"value\":\"8\"}]");
		JsonNode tags = described.path("fields").get(15);
		assertThat(tags.path("type").asString()).isEqualTo("Array");
		assertThat(tags.path("elementType").asString()).isEqualTo("VarChar");
		assertThat(described.path("fields").get(6).path("nullable").booleanValue()).isTrue();

		cluster.post(COLLECTIONS + "create", Map.of("collectionName", "quick", "dimension", 4));
		JsonNode quick = cluster.post(COLLECTIONS + "describe", Map.of("collectionName", "quick"));
		assertThat(quick.path("fields").valueStream().map((field) -> field.path("name").asString()).toList())
			.containsExactly("id", "vector");
		assertThat(quick.path("enableDynamicField").booleanValue()).isTrue();

		JsonNode list = cluster.post(COLLECTIONS + "list", Map.of());
		assertThat(list.valueStream().map(JsonNode::asString).toList()).containsExactly("articles", "quick");
		assertThat(cluster.post(COLLECTIONS + "has", Map.of("collectionName", "quick")).path("has").booleanValue())
			.isTrue();
		assertThat(cluster.post(COLLECTIONS + "get_stats", Map.of("collectionName", "quick")).path("rowCount").isIntegralNumber())
			.isTrue();
		assertThat(cluster.post(COLLECTIONS + "get_stats", Map.of("collectionName", "quick")).path("rowCount").longValue())
			.isZero();
		cluster.post(COLLECTIONS + "drop", Map.of("collectionName", "quick"));
		assertThat(cluster.post(COLLECTIONS + "has", Map.of("collectionName", "quick")).path("has").booleanValue())
			.isFalse();
		assertThat(milvusError("describe", Map.of("collectionName", "quick"), 100))
			.isEqualTo("collection not found[database=default][collection=quick]");
		assertThat(milvusError("get_stats", Map.of("collectionName", "quick"), 100)).contains("collection not found");
		// Dropping a collection that does not exist succeeds, as in Milvus.
		cluster.post(COLLECTIONS + "drop", Map.of("collectionName", "quick"));

		// Each cluster and database has its own collections.
		ControlPlaneTestClient second = new ControlPlaneTestClient(emulator.clusterEndpoint("in01-second"),
				emulator.apiKey());
		assertThat(second.post(COLLECTIONS + "list", Map.of()).isEmpty()).isTrue();
		assertThat(cluster.post(COLLECTIONS + "list", Map.of("dbName", "other")).isEmpty()).isTrue();
		assertThat(emulator.requestCount("POST /v2/vectordb/collections/create")).isEqualTo(3);
	}

	@Test
	void createWhenSchemaIsInvalidShouldAnswerMilvusErrors() {
		Map<String, Object> pk = field("id", "Int64", "isPrimary", true);
		Map<String, Object> vector = field("v", "FloatVector", "elementTypeParams", Map.of("dim", 4));
		assertThat(milvusError("create", create("c1", false, false, List.of(pk, field("v", "FLOAT_VECTOR"))), 1100))
			.contains("data type FLOAT_VECTOR is invalid(case sensitive)");
		assertThat(milvusError("create", create("c1", false, false, List.of(pk, field("v", "FloatVector"))), 1100))
			.contains("type param(dim) should be specified for the field(v)");
		assertThat(milvusError("create", create("c1", false, false,
				List.of(pk, field("v", "BinaryVector", "elementTypeParams", Map.of("dim", 12)))), 1100))
			.contains("binary vector dimension should be multiple of 8");
		assertThat(milvusError("create", create("c1", false, false, List.of(vector)), 1100))
			.contains("schema does not contain primary key");
		assertThat(milvusError("create", create("c1", false, false, List.of(pk)), 1100))
			.contains("schema does not contain vector field");
		assertThat(milvusError("create", create("c1", false, false, List.of(pk, vector, field("t", "VarChar"))), 1100))
			.contains("type param(max_length) should be specified for the field(t)");
		assertThat(milvusError("create", create("c1", false, false, List.of(pk, vector,
				field("a", "Array", "elementDataType", "Int64"))), 1100))
			.contains("type param(max_capacity) should be specified for the field(a)");
		assertThat(milvusError("create", create("c1", false, false, List.of(pk, vector, vector)), 1100))
			.contains("duplicated field name v");
		assertThat(milvusError("create", create("bad-name", false, false, List.of(pk, vector)), 1100))
			.contains("Invalid collection name: bad-name");
		assertThat(milvusError("create", Map.of("collectionName", "c1"), 1100))
			.contains("dimension is required for quickly create collection");
		assertThat(milvusError("describe", Map.of(), 1802)).contains("collectionName is required");
		cluster.post(COLLECTIONS + "create", create("c2", false, false, List.of(pk, vector)));
		assertThat(milvusError("create", create("c2", true, false, List.of(pk, vector)), 1100))
			.contains("create duplicate collection with different parameters, collection: c2");
	}

	@Test
	void javaHookShouldCreateCollectionsAsTheEndpointDoes() {
		emulator.createCollection("{\"collectionName\": \"hooked\", \"dimension\": 3}");
		assertThat(cluster.post(COLLECTIONS + "has", Map.of("collectionName", "hooked")).path("has").booleanValue())
			.isTrue();
		assertThat(emulator.collectionRowCount("hooked")).isZero();
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> emulator.createCollection("{\"collectionName\": \"bad\"}"))
			.withMessageContaining("dimension is required")
			.withMessageContaining("code 1100");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> emulator.collectionRowCount("missing"))
			.withMessageContaining("collection not found");
	}

	@Test
	void callsWithoutTheApiKeyShouldBeRefusedBeforeTheBodyIsRead() {
		ControlPlaneTestClient stranger = new ControlPlaneTestClient(emulator.clusterEndpoint(), "wrong");
		HttpResponse<String> refused = stranger.send("POST", COLLECTIONS + "list", Map.of());
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).isEqualTo("{\"code\":1800,\"message\":\"user hasn't authenticated\"}");
		HttpResponse<String> unknown = cluster.send("POST", "/v2/vectordb/entities/insert", Map.of());
		assertThat(unknown.statusCode()).isEqualTo(404);
		HttpResponse<String> notJson = cluster.send("POST", COLLECTIONS + "list", "[1]");
		assertThat(notJson.body()).contains("\"code\":1801");
	}

}
