package dev.stagekit.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.Type;

/**
 * Writes small, real Parquet files for tests (import and merge inputs the emulator reads as Zilliz Cloud would),
 * with parquet-java; vectors as 3-level LIST columns of floats, as pyarrow and the official bulk writers write them.
 *
 * <pre>{@code
 * byte[] file = ParquetFiles.write(ParquetFiles.ID_VECTOR_TITLE,
 *         List.of(Map.of("id", 1L, "vector", List.of(0.1f, 0.2f), "title", "first")));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ParquetFiles {

	/** An INT64 {@code id}, a FLOAT {@code vector} list and a UTF8 {@code title}. */
	public static final String ID_VECTOR_TITLE = """
			message row {
			  required int64 id;
			  required group vector (LIST) { repeated group list { required float element; } }
			  required binary title (STRING);
			}""";

	private ParquetFiles() {
	}

	/**
	 * A Parquet file, Snappy-compressed, of {@code rows} (column name to value: a Long, Integer, Float, Double,
	 * Boolean, String, or a List of those for a LIST column).
	 * @param schemaText the Parquet message type, for example {@link #ID_VECTOR_TITLE}
	 * @param rows the rows
	 * @return the file's bytes
	 */
	public static byte[] write(String schemaText, List<Map<String, Object>> rows) {
		MessageType schema = MessageTypeParser.parseMessageType(schemaText);
		Path file = null;
		try {
			file = Files.createTempFile("test", ".parquet");
			Files.delete(file);
			try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
				.withType(schema)
				.withCompressionCodec(CompressionCodecName.SNAPPY)
				.build()) {
				SimpleGroupFactory groups = new SimpleGroupFactory(schema);
				for (Map<String, Object> row : rows) {
					Group group = groups.newGroup();
					row.forEach((name, value) -> append(group, schema.getType(name), name, value));
					writer.write(group);
				}
			}
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (file != null) {
				file.toFile().delete();
			}
		}
	}

	private static void append(Group group, Type type, String name, Object value) {
		if (value instanceof List<?> list) {
			Group listGroup = group.addGroup(name);
			GroupType repeated = type.asGroupType().getType(0).asGroupType();
			for (Object element : list) {
				append(listGroup.addGroup(repeated.getName()), repeated.getType(0), repeated.getType(0).getName(),
						element);
			}
			return;
		}
		if (value instanceof Long number) {
			group.append(name, number);
		}
		else if (value instanceof Integer number) {
			group.append(name, number);
		}
		else if (value instanceof Float number) {
			group.append(name, number);
		}
		else if (value instanceof Double number) {
			group.append(name, number);
		}
		else if (value instanceof Boolean bool) {
			group.append(name, bool);
		}
		else if (value instanceof String text) {
			group.append(name, text);
		}
		else {
			throw new IllegalArgumentException("unsupported value " + value);
		}
	}

}
