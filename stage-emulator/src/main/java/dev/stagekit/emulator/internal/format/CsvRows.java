package dev.stagekit.emulator.internal.format;

import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.stagekit.emulator.internal.collection.CollectionSchema;
import dev.stagekit.emulator.internal.collection.DataType;
import dev.stagekit.emulator.internal.collection.FieldSchema;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * CSV files with a header line, read one record at a time. As in Milvus's CSV import, vectors, arrays and
 * JSON fields are JSON text in their cells, and an empty cell is null.
 */
final class CsvRows {

	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

	private final JsonMapper mapper;

	CsvRows(JsonMapper mapper) {
		this.mapper = mapper;
	}

	long check(String name, CollectionSchema schema, InputStream in) {
		try (MappingIterator<String[]> records = CSV.readerForArrayOf(String.class).readValues(in)) {
			if (!records.hasNext()) {
				throw new ImportFailure("failed to read the header of the CSV file '" + name + "': the file is empty");
			}
			String[] header = records.next();
			Map<String, Integer> columns = new HashMap<>();
			for (int i = 0; i < header.length; i++) {
				if (columns.put(header[i], i) != null) {
					throw new ImportFailure("duplicated key is not allowed, key=" + header[i]);
				}
			}
			FieldSchema primary = schema.primaryField();
			if (primary.autoId() && columns.containsKey(primary.name())) {
				throw Values.autoIdGiven(primary);
			}
			Set<String> known = new HashSet<>();
			for (FieldSchema field : schema.fields()) {
				known.add(field.name());
				if (field.required() && !columns.containsKey(field.name())) {
					throw Values.missing(field.name());
				}
			}
			if (!schema.enableDynamicField()) {
				for (String column : header) {
					if (!known.contains(column)) {
						throw Values.notInSchema(column);
					}
				}
			}
			long count = 0;
			while (records.hasNext()) {
				String[] record = records.next();
				count++;
				if (record.length == 1 && record[0].isEmpty() && header.length > 1) {
					count--;
					continue;
				}
				if (record.length != header.length) {
					throw new ImportFailure("the number of fields in row " + count + " (" + record.length
							+ ") is not equal to the header (" + header.length + ") in the CSV file '" + name + "'");
				}
				for (FieldSchema field : schema.fields()) {
					Integer column = columns.get(field.name());
					if (column != null) {
						Values.check(field, cell(field, record[column]), this.mapper);
					}
				}
			}
			return count;
		}
		catch (JacksonException ex) {
			throw new ImportFailure("failed to parse the CSV file '" + name + "': " + ex.getOriginalMessage());
		}
	}

	/** A cell as the JSON value its field expects; text that does not parse stays a string (a type error). */
	private JsonNode cell(FieldSchema field, String text) {
		JsonNodeFactory nodes = this.mapper.getNodeFactory();
		if (text.isEmpty() && field.dataType() != DataType.VarChar) {
			return nodes.nullNode();
		}
		DataType type = field.dataType();
		try {
			switch (type) {
				case VarChar:
					return nodes.stringNode(text);
				case Bool:
					if (text.equalsIgnoreCase("true") || text.equals("1")) {
						return nodes.booleanNode(true);
					}
					if (text.equalsIgnoreCase("false") || text.equals("0")) {
						return nodes.booleanNode(false);
					}
					return nodes.stringNode(text);
				case JSON:
					return nodes.stringNode(text);
				default:
					JsonNode parsed = this.mapper.readTree(text);
					return (parsed != null) ? parsed : nodes.stringNode(text);
			}
		}
		catch (JacksonException ex) {
			return nodes.stringNode(text);
		}
	}

}
