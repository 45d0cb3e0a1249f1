package dev.stagekit.emulator.internal.format;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

import dev.stagekit.emulator.internal.collection.CollectionSchema;
import dev.stagekit.emulator.internal.collection.DataType;
import dev.stagekit.emulator.internal.collection.FieldSchema;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks of one value against its field, shared by the row formats (JSON, JSONL, CSV) and Parquet, with the
 * messages of Milvus's import row parser ({@code importutilv2/json/row_parser.go}).
 */
final class Values {

	private Values() {
	}

	static ImportFailure typeError(FieldSchema field, JsonNode value) {
		return new ImportFailure("expected type '" + field.dataType().name() + "' for field '" + field.name()
				+ "', got type '" + goType(value) + "' with value '" + goValue(value) + "'");
	}

	static ImportFailure dimError(FieldSchema field, int actual) {
		return new ImportFailure("expected dim '" + field.dim() + "' for field '" + field.name() + "' with type '"
				+ field.dataType().name() + "', got dim '" + actual + "'");
	}

	static ImportFailure autoIdGiven(FieldSchema primary) {
		return new ImportFailure("the primary key '" + primary.name() + "' is auto-generated, no need to provide");
	}

	static ImportFailure notInSchema(String name) {
		return new ImportFailure("the field '" + name + "' is not defined in schema");
	}

	static ImportFailure missing(String name) {
		return new ImportFailure("value of field '" + name + "' is missed");
	}

	static ImportFailure tooLong(FieldSchema field, int length) {
		return new ImportFailure("value length(" + length + ") for field " + field.name() + " exceeds max_length("
				+ field.maxLength() + ")");
	}

	static ImportFailure overCapacity(FieldSchema field, int length) {
		return new ImportFailure("array capacity(" + length + ") for field " + field.name()
				+ " exceeds max_capacity(" + field.maxCapacity() + ")");
	}

	static ImportFailure notNullable(FieldSchema field) {
		return new ImportFailure("the field '" + field.name() + "' is not nullable but the file contains null value");
	}

	/** Checks one row given as a JSON object: the fields it names and the fields it leaves out. */
	static void checkRow(CollectionSchema schema, JsonNode row, JsonMapper mapper) {
		if (!row.isObject()) {
			throw new ImportFailure("invalid JSON format, each row should be a key-value map");
		}
		FieldSchema primary = schema.primaryField();
		if (primary.autoId() && row.has(primary.name())) {
			throw autoIdGiven(primary);
		}
		for (Iterator<Map.Entry<String, JsonNode>> it = row.properties().iterator(); it.hasNext();) {
			Map.Entry<String, JsonNode> entry = it.next();
			FieldSchema field = schema.field(entry.getKey()).orElse(null);
			if (field != null) {
				check(field, entry.getValue(), mapper);
			}
			else if (!schema.enableDynamicField()) {
				throw notInSchema(entry.getKey());
			}
			else if (entry.getKey().equals(CollectionSchema.META) && !entry.getValue().isObject()
					&& !(entry.getValue().isString() && parsesAsObject(entry.getValue().asString(), mapper))) {
				throw new ImportFailure("illegal value for dynamic field, not a JSON object");
			}
		}
		for (FieldSchema field : schema.fields()) {
			if (field.required() && !row.has(field.name())) {
				throw missing(field.name());
			}
		}
	}

	/** Checks one value; a JSON null is allowed only for nullable fields and fields with a default. */
	static void check(FieldSchema field, JsonNode value, JsonMapper mapper) {
		if (value.isNull()) {
			if (field.nullable() || field.hasDefault()) {
				return;
			}
			throw typeError(field, value);
		}
		DataType type = field.dataType();
		switch (type) {
			case Bool -> require(field, value, value.isBoolean());
			case Int8, Int16, Int32, Int64 -> checkInteger(field, value, type);
			case Float, Double -> require(field, value, value.isNumber());
			case VarChar -> {
				require(field, value, value.isString());
				int length = value.asString().getBytes(StandardCharsets.UTF_8).length;
				if (length > field.maxLength()) {
					throw tooLong(field, length);
				}
			}
			case JSON -> {
				boolean ok = value.isObject() || (value.isString() && parses(value.asString(), mapper));
				require(field, value, ok);
			}
			case Array -> checkArray(field, value);
			case FloatVector, Float16Vector, BFloat16Vector -> {
				require(field, value, value.isArray());
				if (value.size() != field.dim()) {
					throw dimError(field, value.size());
				}
				for (JsonNode element : value) {
					require(field, element, element.isNumber());
				}
			}
			case BinaryVector -> {
				require(field, value, value.isArray());
				if (value.size() != field.dim() / 8) {
					throw dimError(field, value.size() * 8);
				}
				for (JsonNode element : value) {
					require(field, element, element.isIntegralNumber() && element.asLong() >= 0 && element.asLong() <= 255);
				}
			}
			case SparseFloatVector -> require(field, value, validSparse(value));
		}
	}

	private static void checkInteger(FieldSchema field, JsonNode value, DataType type) {
		require(field, value, value.isNumber());
		if (!value.isIntegralNumber()) {
			throw new ImportFailure("strconv.ParseInt: parsing \"" + value + "\": invalid syntax");
		}
		if (!value.canConvertToLong() || value.asLong() < type.min() || value.asLong() > type.max()) {
			throw new ImportFailure("strconv.ParseInt: parsing \"" + value + "\": value out of range");
		}
	}

	private static void checkArray(FieldSchema field, JsonNode value) {
		require(field, value, value.isArray());
		if (value.size() > field.maxCapacity()) {
			throw overCapacity(field, value.size());
		}
		DataType element = (field.elementType() != null) ? field.elementType() : DataType.VarChar;
		for (JsonNode item : value) {
			boolean ok = switch (element) {
				case Bool -> item.isBoolean();
				case Int8, Int16, Int32, Int64 -> item.isIntegralNumber() && item.canConvertToLong()
						&& item.asLong() >= element.min() && item.asLong() <= element.max();
				case Float, Double -> item.isNumber();
				case VarChar -> item.isString();
				default -> false;
			};
			if (!ok) {
				throw new ImportFailure("expected element type '" + element + "' in array field, got type '"
						+ goType(item) + "' with value '" + goValue(item) + "'");
			}
			if (element == DataType.VarChar) {
				int length = item.asString().getBytes(StandardCharsets.UTF_8).length;
				if (length > field.maxLength()) {
					throw tooLong(field, length);
				}
			}
		}
	}

	/** A sparse vector: {@code {"index": value, ...}} or {@code {"indices": [...], "values": [...]}}. */
	static boolean validSparse(JsonNode value) {
		if (!value.isObject()) {
			return false;
		}
		if (value.has("indices") || value.has("values")) {
			JsonNode indices = value.get("indices");
			JsonNode values = value.get("values");
			if (indices == null || values == null || !indices.isArray() || !values.isArray()
					|| indices.size() != values.size()) {
				return false;
			}
			for (JsonNode index : indices) {
				if (!index.isIntegralNumber() || index.asLong() < 0) {
					return false;
				}
			}
			for (JsonNode number : values) {
				if (!number.isNumber()) {
					return false;
				}
			}
			return true;
		}
		for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext();) {
			Map.Entry<String, JsonNode> entry = it.next();
			if (!entry.getKey().matches("\\d{1,10}") || !entry.getValue().isNumber()) {
				return false;
			}
		}
		return true;
	}

	private static void require(FieldSchema field, JsonNode value, boolean ok) {
		if (!ok) {
			throw typeError(field, value);
		}
	}

	static boolean parses(String json, JsonMapper mapper) {
		try {
			mapper.readTree(json);
			return true;
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	static boolean parsesAsObject(String json, JsonMapper mapper) {
		try {
			JsonNode node = mapper.readTree(json);
			return node != null && node.isObject();
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	/** The Go type Milvus's decoder gives a JSON value, as its messages print it. */
	static String goType(JsonNode value) {
		if (value.isString()) {
			return "string";
		}
		if (value.isNumber()) {
			return "json.Number";
		}
		if (value.isBoolean()) {
			return "bool";
		}
		if (value.isArray()) {
			return "[]interface {}";
		}
		if (value.isObject()) {
			return "map[string]interface {}";
		}
		return "<nil>";
	}

	private static String goValue(JsonNode value) {
		if (value.isNull()) {
			return "<nil>";
		}
		String text = value.isString() ? value.asString() : value.toString();
		return (text.length() > 100) ? text.substring(0, 100) + "..." : text;
	}

}
