package dev.stagekit.emulator.internal.collection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The Milvus RESTful v2 collection endpoints an ingestion app uses ({@code create}, {@code describe},
 * {@code list}, {@code has}, {@code drop}, {@code get_stats}), for one cluster. Field names and answers
 * follow Milvus's {@code handler_v2.go}; like Go's JSON decoding, body keys match without regard to case.
 */
public final class CollectionApi {

	private static final String NAME_RULE = "[A-Za-z_][A-Za-z0-9_]{0,254}";

	private static final int MAX_DIM = 32_768;

	private static final int MAX_VARCHAR_LENGTH = 65_535;

	private static final int MAX_ARRAY_CAPACITY = 4_096;

	private final String clusterId;

	private final CollectionStore store;

	public CollectionApi(String clusterId, CollectionStore store) {
		this.clusterId = clusterId;
		this.store = store;
	}

	/** Answers the {@code data} of one call, {@code action} being the last path segment. */
	public Object handle(String action, JsonNode body, @Nullable String headerDbName) {
		String dbName = CollectionStore.db(textOr(body, "dbName", headerDbName));
		return switch (action) {
			case "create" -> create(body, dbName);
			case "describe" -> describe(this.store.get(this.clusterId, dbName, collectionName(body)));
			case "list" -> this.store.names(this.clusterId, dbName);
			case "has" -> Map.of("has", this.store.find(this.clusterId, dbName, collectionName(body)).isPresent());
			case "drop" -> {
				this.store.drop(this.clusterId, dbName, collectionName(body));
				yield Map.of();
			}
			case "get_stats" -> {
				Collection collection = this.store.get(this.clusterId, dbName, collectionName(body));
				yield Map.of("rowCount", this.store.rowCount(collection));
			}
			default -> throw new IllegalArgumentException(action);
		};
	}

	/** The actions {@link #handle} serves. */
	public static List<String> actions() {
		return List.of("create", "describe", "list", "has", "drop", "get_stats");
	}

	private Map<String, Object> create(JsonNode body, String dbName) {
		String name = collectionName(body);
		if (!name.matches(NAME_RULE)) {
			throw MilvusException.invalid("Invalid collection name: " + name
					+ ". the first character of a collection name must be an underscore or letter, and a collection"
					+ " name can only contain numbers, letters and underscores, at most 255 characters");
		}
		JsonNode schemaNode = get(body, "schema");
		JsonNode fieldsNode = (schemaNode != null) ? get(schemaNode, "fields") : null;
		CollectionSchema schema = (fieldsNode == null || fieldsNode.isNull() || fieldsNode.isEmpty())
				? quickSetup(body) : schema(schemaNode, fieldsNode, text(body, "description"));
		this.store.create(this.clusterId, dbName, name, schema, this.store.clock().instant());
		return Map.of();
	}

	/** The quick-setup form: {@code dimension}, an {@code id} primary key and a {@code vector} field. */
	private static CollectionSchema quickSetup(JsonNode body) {
		JsonNode dimension = get(body, "dimension");
		int dim = (dimension != null && dimension.canConvertToInt()) ? dimension.asInt() : 0;
		if (dim == 0) {
			throw MilvusException.invalid("dimension is required for quickly create collection(default metric type: COSINE)");
		}
		checkDim(dim, "vector", DataType.FloatVector);
		boolean autoId = bool(get(body, "autoID"));
		String idType = text(body, "idType");
		JsonNode params = get(body, "params");
		boolean dynamic = true;
		if (params != null && get(params, "enableDynamicField") != null) {
			dynamic = Boolean.parseBoolean(get(params, "enableDynamicField").asString());
		}
		String primaryName = orDefault(text(body, "primaryFieldName"), "id");
		String vectorName = orDefault(text(body, "vectorFieldName"), "vector");
		FieldSchema primary;
		if (idType == null || idType.isEmpty() || idType.equals("Int64") || idType.equals("int64")) {
			primary = new FieldSchema(100, primaryName, DataType.Int64, true, autoId, false, false, false, 0, 0, null, 0);
		}
		else if (idType.equals("VarChar") || idType.equals("Varchar")) {
			int maxLength = intParam((params != null) ? get(params, "max_length") : null, "max_length", primaryName);
			checkMaxLength(maxLength, primaryName);
			primary = new FieldSchema(100, primaryName, DataType.VarChar, true, autoId, false, false, false, 0, maxLength,
					null, 0);
		}
		else {
			throw MilvusException.invalid("idType can only be [Int64, VarChar], default: Int64, was " + idType);
		}
		FieldSchema vector = new FieldSchema(101, vectorName, DataType.FloatVector, false, false, false, false, false, dim,
				0, null, 0);
		String description = orDefault(text(body, "description"), "");
		return new CollectionSchema(autoId, dynamic, description, List.of(primary, vector));
	}

	private static CollectionSchema schema(JsonNode schemaNode, JsonNode fieldsNode, @Nullable String description) {
		boolean autoId = bool(get(schemaNode, "autoID"));
		boolean dynamic = bool(get(schemaNode, "enableDynamicField"));
		if (!fieldsNode.isArray()) {
			throw new MilvusException(MilvusException.INCORRECT_PARAMETER_FORMAT,
					"can only accept json format request, error: schema.fields must be an array");
		}
		List<FieldSchema> fields = new ArrayList<>();
		Set<String> names = new HashSet<>();
		List<String> primaries = new ArrayList<>();
		boolean vector = false;
		for (JsonNode node : fieldsNode) {
			FieldSchema field = field(node, 100 + fields.size(), autoId);
			if (!names.add(field.name())) {
				throw MilvusException.invalid("duplicated field name " + field.name() + " found");
			}
			if (field.primary()) {
				primaries.add(field.name());
			}
			vector |= field.dataType().isVector();
			fields.add(field);
		}
		if (primaries.isEmpty()) {
			throw MilvusException.invalid("schema does not contain primary key, please specify the primary key and try again");
		}
		if (primaries.size() > 1) {
			throw MilvusException.invalid("there are more than one primary key, field name = " + String.join(", ", primaries));
		}
		if (!vector) {
			throw MilvusException.invalid("schema does not contain vector field");
		}
		return new CollectionSchema(autoId, dynamic, orDefault(description, ""), fields);
	}

	private static FieldSchema field(JsonNode node, long id, boolean autoId) {
		String name = text(node, "fieldName");
		if (name == null || name.isEmpty()) {
			throw new MilvusException(MilvusException.MISSING_REQUIRED_PARAMETERS,
					"missing required parameters, error: fieldName is required for every field");
		}
		if (!name.matches(NAME_RULE)) {
			throw MilvusException.invalid("Invalid field name: " + name
					+ ". the first character of a field name must be an underscore or letter, and a field name can only"
					+ " contain numbers, letters and underscores, at most 255 characters");
		}
		if (name.equals(CollectionSchema.META)) {
			throw MilvusException.invalid("field name " + name + " is reserved");
		}
		String typeName = orDefault(text(node, "dataType"), "");
		DataType type = DataType.of(typeName)
			.orElseThrow(() -> MilvusException.invalid("data type " + typeName + " is invalid(case sensitive)."));
		boolean primary = bool(get(node, "isPrimary"));
		boolean nullable = bool(get(node, "nullable"));
		JsonNode defaultValue = get(node, "defaultValue");
		boolean hasDefault = defaultValue != null && !defaultValue.isNull();
		JsonNode params = get(node, "elementTypeParams");
		if (primary && type != DataType.Int64 && type != DataType.VarChar) {
			throw MilvusException.invalid("the data type of primary key should be Int64 or VarChar, field " + name
					+ " is " + type);
		}
		if (primary && nullable) {
			throw MilvusException.invalid("primary field not support null, field " + name);
		}
		if (type.isVector() && nullable) {
			throw MilvusException.invalid("vector type not support null, field " + name);
		}
		int dim = 0;
		if (type.hasDim()) {
			dim = intParam(param(params, "dim"), "dim", name);
			checkDim(dim, name, type);
		}
		int maxLength = 0;
		DataType elementType = null;
		int maxCapacity = 0;
		if (type == DataType.Array) {
			String elementName = orDefault(text(node, "elementDataType"), "");
			elementType = DataType.of(elementName)
				.filter(DataType::isArrayElement)
				.orElseThrow(() -> MilvusException.invalid("element data type " + elementName
						+ " is invalid(case sensitive)."));
			maxCapacity = intParam(param(params, "max_capacity"), "max_capacity", name);
			if (maxCapacity <= 0 || maxCapacity > MAX_ARRAY_CAPACITY) {
				throw MilvusException.invalid("the maximum capacity specified for a array should be in (0, "
						+ MAX_ARRAY_CAPACITY + "], but got " + maxCapacity + " instead");
			}
		}
		if (type == DataType.VarChar || elementType == DataType.VarChar) {
			maxLength = intParam(param(params, "max_length"), "max_length", name);
			checkMaxLength(maxLength, name);
		}
		return new FieldSchema(id, name, type, primary, primary && autoId, bool(get(node, "isPartitionKey")), nullable,
				hasDefault, dim, maxLength, elementType, maxCapacity);
	}

	private static void checkDim(int dim, String field, DataType type) {
		if (dim < 1 || dim > MAX_DIM) {
			throw MilvusException.invalid("invalid dimension: " + dim + " of field " + field + ". should be in range 1 ~ "
					+ MAX_DIM);
		}
		if (type == DataType.BinaryVector && dim % 8 != 0) {
			throw MilvusException.invalid("invalid dimension: " + dim + " of field " + field
					+ ". binary vector dimension should be multiple of 8.");
		}
	}

	private static void checkMaxLength(int maxLength, String field) {
		if (maxLength <= 0 || maxLength > MAX_VARCHAR_LENGTH) {
			throw MilvusException.invalid("the maximum length specified for the field(" + field + ") should be in (0, "
					+ MAX_VARCHAR_LENGTH + "], but got " + maxLength + " instead");
		}
	}

	private static @Nullable JsonNode param(@Nullable JsonNode params, String key) {
		return (params != null && params.isObject()) ? get(params, key) : null;
	}

	/** A type parameter, given as a number or a numeric string, as Milvus accepts both. */
	private static int intParam(@Nullable JsonNode value, String key, String field) {
		if (value == null || value.isNull()) {
			throw MilvusException.invalid("type param(" + key + ") should be specified for the field(" + field + ")");
		}
		try {
			return value.isNumber() ? value.intValue() : Integer.parseInt(value.asString().trim());
		}
		catch (NumberFormatException ex) {
			throw MilvusException.invalid("type param(" + key + ") of the field(" + field + ") must be an integer, was "
					+ value);
		}
	}

	/** The answer of {@code describe}, as Milvus's {@code getCollectionDetails} writes it. */
	private Map<String, Object> describe(Collection collection) {
		CollectionSchema schema = collection.schema();
		List<Map<String, Object>> fields = new ArrayList<>();
		for (FieldSchema field : schema.fields()) {
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("name", field.name());
			out.put("description", "");
			out.put("type", field.dataType().name());
			out.put("primaryKey", field.primary());
			out.put("partitionKey", field.partitionKey());
			out.put("clusteringKey", false);
			out.put("autoId", field.autoId());
			out.put("nullable", field.nullable());
			out.put("id", field.id());
			List<Map<String, String>> params = new ArrayList<>();
			if (field.dim() > 0) {
				params.add(param("dim", field.dim()));
			}
			if (field.maxLength() > 0) {
				params.add(param("max_length", field.maxLength()));
			}
			if (field.maxCapacity() > 0) {
				params.add(param("max_capacity", field.maxCapacity()));
			}
			out.put("params", params);
			if (field.elementType() != null) {
				out.put("elementType", field.elementType().name());
			}
			fields.add(out);
		}
		boolean partitionKey = schema.fields().stream().anyMatch(FieldSchema::partitionKey);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("collectionName", collection.name());
		data.put("collectionID", collection.collectionId());
		data.put("description", schema.description());
		data.put("autoId", schema.primaryField().autoId());
		data.put("fields", fields);
		data.put("functions", List.of());
		data.put("aliases", List.of());
		data.put("indexes", List.of());
		data.put("load", "LoadStateNotLoad");
		data.put("shardsNum", 1);
		data.put("partitionsNum", partitionKey ? 64 : 1);
		data.put("consistencyLevel", "Bounded");
		data.put("enableDynamicField", schema.enableDynamicField());
		data.put("properties", List.of());
		return data;
	}

	/** A type parameter as Milvus's {@code commonpb.KeyValuePair}: {@code {"key": ..., "value": "..."}}. */
	private static Map<String, String> param(String key, int value) {
		Map<String, String> pair = new LinkedHashMap<>();
		pair.put("key", key);
		pair.put("value", String.valueOf(value));
		return pair;
	}

	private static String collectionName(JsonNode body) {
		String name = text(body, "collectionName");
		if (name == null || name.isEmpty()) {
			throw new MilvusException(MilvusException.MISSING_REQUIRED_PARAMETERS,
					"missing required parameters, error: collectionName is required");
		}
		return name;
	}

	/** A body key, matched exactly first and then without regard to case, as Go decodes JSON. */
	static @Nullable JsonNode get(JsonNode node, String key) {
		JsonNode exact = node.get(key);
		if (exact != null) {
			return exact;
		}
		for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext();) {
			Map.Entry<String, JsonNode> entry = it.next();
			if (entry.getKey().equalsIgnoreCase(key)) {
				return entry.getValue();
			}
		}
		return null;
	}

	private static @Nullable String text(JsonNode node, String key) {
		JsonNode value = get(node, key);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static @Nullable String textOr(JsonNode node, String key, @Nullable String fallback) {
		String value = text(node, key);
		return (value == null || value.isEmpty()) ? fallback : value;
	}

	private static boolean bool(@Nullable JsonNode node) {
		return node != null && (node.isBoolean() ? node.booleanValue() : Boolean.parseBoolean(node.asString()));
	}

	private static String orDefault(@Nullable String value, String fallback) {
		return (value == null || value.isEmpty()) ? fallback : value;
	}

}
