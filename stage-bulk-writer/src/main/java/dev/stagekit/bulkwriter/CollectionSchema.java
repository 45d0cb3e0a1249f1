package dev.stagekit.bulkwriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema of a collection, as the bulk writer checks rows against it: built in code, or read from the
 * cluster's describe-collection answer so that the writer cannot disagree with the collection.
 *
 * <pre>{@code
 * CollectionSchema schema = CollectionSchema.builder()
 *     .field("id", DataType.INT64, (f) -> f.primaryKey(false))
 *     .field("title", DataType.VARCHAR, (f) -> f.maxLength(512))
 *     .field("embedding", DataType.FLOAT_VECTOR, (f) -> f.dimension(768))
 *     .enableDynamicField(true)
 *     .build();
 * }</pre>
 *
 * @param fields the fields, in schema order
 * @param enableDynamicField whether fields outside the schema are kept in {@code $meta}
 * @since 0.1.0
 */
public record CollectionSchema(List<FieldSchema> fields, boolean enableDynamicField) {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	/** Check the schema: one primary key, unique names, at least one vector field. */
	public CollectionSchema {
		fields = List.copyOf(fields);
		Map<String, FieldSchema> byName = new LinkedHashMap<>();
		int primaryKeys = 0;
		boolean vector = false;
		for (FieldSchema field : fields) {
			if (byName.put(field.name(), field) != null) {
				throw new InvalidSchemaException("Invalid schema: field '" + field.name() + "' appears twice", null);
			}
			primaryKeys += field.primaryKey() ? 1 : 0;
			vector |= field.type().isVector();
		}
		if (primaryKeys != 1) {
			throw new InvalidSchemaException(
					"Invalid schema: exactly one field must be the primary key, found " + primaryKeys, null);
		}
		if (!vector) {
			throw new InvalidSchemaException("Invalid schema: a collection needs at least one vector field", null);
		}
	}

	/**
	 * Start building a schema.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a field by name.
	 * @param name the name
	 * @return the field, or {@code null}
	 */
	public @Nullable FieldSchema field(String name) {
		for (FieldSchema field : this.fields) {
			if (field.name().equals(name)) {
				return field;
			}
		}
		return null;
	}

	/**
	 * Return the primary key field.
	 * @return the primary key
	 */
	public FieldSchema primaryKey() {
		return this.fields.stream().filter(FieldSchema::primaryKey).findFirst().orElseThrow();
	}

	/**
	 * Return the fields rows carry (all but an auto-generated primary key), in schema order.
	 * @return the written fields
	 */
	public List<FieldSchema> writtenFields() {
		return this.fields.stream().filter(FieldSchema::isWritten).toList();
	}

	/**
	 * Read the answer of the Milvus RESTful describe-collection call
	 * ({@code POST /v2/vectordb/collections/describe}), either the whole envelope
	 * {@code {"code":0,"data":{...}}} or its {@code data}. Fields that a function fills
	 * ({@code isFunctionOutput}, e.g. BM25 sparse vectors) are left out: rows must not carry them.
	 * @param json the answer
	 * @return the schema
	 * @throws InvalidSchemaException if the answer is an error or cannot be read
	 */
	public static CollectionSchema fromDescribe(String json) {
		try {
			return fromDescribe(MAPPER.readTree(json));
		}
		catch (JacksonException ex) {
			throw new InvalidSchemaException("The describe-collection answer is not JSON: " + ex.getOriginalMessage(),
					ex);
		}
	}

	/**
	 * Read the answer of the describe-collection call (see {@link #fromDescribe(String)}).
	 * @param answer the answer
	 * @return the schema
	 */
	public static CollectionSchema fromDescribe(JsonNode answer) {
		JsonNode data = answer;
		if (answer.has("code")) {
			int code = answer.path("code").asInt(-1);
			if (code != 0 && code != 200) {
				throw new InvalidSchemaException("Describe collection failed with code " + code + ": "
						+ answer.path("message").asString(""), null);
			}
			data = answer.path("data");
		}
		JsonNode fieldNodes = data.path("fields");
		if (!fieldNodes.isArray() || fieldNodes.isEmpty()) {
			throw new InvalidSchemaException("The describe-collection answer has no 'fields' array", null);
		}
		boolean collectionAutoId = data.path("autoId").asBoolean(false);
		List<FieldSchema> fields = new ArrayList<>();
		for (JsonNode node : fieldNodes) {
			if (node.path("isFunctionOutput").asBoolean(false)) {
				continue;
			}
			fields.add(field(node, collectionAutoId));
		}
		return new CollectionSchema(fields, data.path("enableDynamicField").asBoolean(false));
	}

	private static FieldSchema field(JsonNode node, boolean collectionAutoId) {
		String name = node.path("name").asString("");
		String typeName = node.path("type").asString("");
		DataType type = DataType.fromName(typeName);
		if (type == null) {
			throw new InvalidSchemaException("Field '" + name + "' has type '" + typeName
					+ "', which this bulk writer does not support", null);
		}
		Map<String, String> params = new LinkedHashMap<>();
		JsonNode paramNodes = node.path("params");
		if (paramNodes.isArray()) {
			for (JsonNode param : paramNodes) {
				params.put(param.path("key").asString(""), param.path("value").asString(""));
			}
		}
		else if (paramNodes.isObject()) {
			paramNodes.properties().forEach((entry) -> params.put(entry.getKey(), entry.getValue().asString("")));
		}
		FieldSchema.Builder builder = FieldSchema.builder(name, type);
		boolean primaryKey = node.path("primaryKey").asBoolean(false);
		if (primaryKey) {
			builder.primaryKey(node.path("autoId").asBoolean(collectionAutoId));
		}
		if (type.hasDimension()) {
			builder.dimension(intParam(name, params, "dim"));
		}
		DataType elementType = null;
		if (type == DataType.ARRAY) {
			String elementName = node.path("elementType").asString("");
			elementType = DataType.fromName(elementName);
			if (elementType == null) {
				throw new InvalidSchemaException(
						"Array field '" + name + "' has element type '" + elementName + "', which is not supported", null);
			}
			builder.elements(elementType, intParam(name, params, "max_capacity"));
		}
		if (type == DataType.VARCHAR || elementType == DataType.VARCHAR) {
			builder.maxLength(intParam(name, params, "max_length"));
		}
		if (node.path("nullable").asBoolean(false)) {
			builder.nullable();
		}
		JsonNode defaultValue = node.get("defaultValue");
		if (defaultValue != null && !defaultValue.isNull()) {
			builder.defaultValue(defaultValue.isNumber() ? defaultValue.numberValue()
					: defaultValue.isBoolean() ? defaultValue.booleanValue() : defaultValue.asString());
		}
		return builder.build();
	}

	private static int intParam(String field, Map<String, String> params, String key) {
		String value = params.get(key);
		try {
			return Integer.parseInt(String.valueOf(value).trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidSchemaException(
					"Field '" + field + "' has no usable '" + key + "' parameter (found '" + value + "')", ex);
		}
	}

	/** Builds a {@link CollectionSchema}. */
	public static final class Builder {

		private final List<FieldSchema> fields = new ArrayList<>();

		private boolean enableDynamicField;

		private Builder() {
		}

		/**
		 * Add a field.
		 * @param field the field
		 * @return this builder
		 */
		public Builder field(FieldSchema field) {
			this.fields.add(field);
			return this;
		}

		/**
		 * Add a field without options.
		 * @param name the name
		 * @param type the type
		 * @return this builder
		 */
		public Builder field(String name, DataType type) {
			return field(FieldSchema.builder(name, type).build());
		}

		/**
		 * Add a field with options.
		 * @param name the name
		 * @param type the type
		 * @param options sets the options
		 * @return this builder
		 */
		public Builder field(String name, DataType type, UnaryOperator<FieldSchema.Builder> options) {
			return field(options.apply(FieldSchema.builder(name, type)).build());
		}

		/**
		 * Keep fields outside the schema in {@code $meta}.
		 * @param enableDynamicField whether to
		 * @return this builder
		 */
		public Builder enableDynamicField(boolean enableDynamicField) {
			this.enableDynamicField = enableDynamicField;
			return this;
		}

		/**
		 * Build the schema.
		 * @return the schema
		 * @throws InvalidSchemaException if it breaks a Milvus rule
		 */
		public CollectionSchema build() {
			return new CollectionSchema(this.fields, this.enableDynamicField);
		}

	}

}
