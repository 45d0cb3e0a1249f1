package dev.stagekit.emulator.internal.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.stagekit.emulator.internal.collection.CollectionSchema;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON files ({@code {"rows":[...]}} or a list of rows) and JSONL files (one row per line), read one row at a
 * time.
 */
final class JsonRows {

	private final JsonMapper mapper;

	JsonRows(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/** Checks every row of a JSON file and answers how many there are. */
	long checkJson(String name, CollectionSchema schema, InputStream in) {
		try (JsonParser parser = this.mapper.createParser(in)) {
			JsonToken first = parser.nextToken();
			if (first == JsonToken.START_ARRAY) {
				return rows(schema, parser);
			}
			if (first == JsonToken.START_OBJECT) {
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					String property = parser.currentName();
					JsonToken value = parser.nextToken();
					if ("rows".equals(property)) {
						if (value != JsonToken.START_ARRAY) {
							throw new ImportFailure("invalid JSON format, rows list should begin with '['");
						}
						return rows(schema, parser);
					}
					parser.skipChildren();
				}
			}
			throw new ImportFailure("invalid JSON format in file '" + name
					+ "': the root should be a list of rows or an object with the key 'rows'");
		}
		catch (JacksonException ex) {
			throw invalid(name, ex);
		}
	}

	private long rows(CollectionSchema schema, JsonParser parser) {
		long count = 0;
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (token == null) {
				throw new ImportFailure("invalid JSON format, the rows list is not closed with ']'");
			}
			JsonNode row = parser.readValueAsTree();
			Values.checkRow(schema, row, this.mapper);
			count++;
		}
		return count;
	}

	/** Checks every line of a JSONL file and answers how many rows there are. */
	long checkJsonLines(String name, CollectionSchema schema, InputStream in) {
		long count = 0;
		long line = 0;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String text;
			while ((text = reader.readLine()) != null) {
				line++;
				if (text.isBlank()) {
					continue;
				}
				JsonNode row;
				try {
					row = this.mapper.readTree(text);
				}
				catch (JacksonException ex) {
					throw new ImportFailure("failed to parse line " + line + " of the JSONL file '" + name
							+ "': not valid JSON");
				}
				Values.checkRow(schema, row, this.mapper);
				count++;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return count;
	}

	private static ImportFailure invalid(String name, JacksonException ex) {
		var location = ex.getLocation();
		String where = (location != null) ? " at line " + location.getLineNr() + ", column " + location.getColumnNr()
				: "";
		return new ImportFailure("failed to parse the JSON file '" + name + "': not valid JSON" + where);
	}

}
