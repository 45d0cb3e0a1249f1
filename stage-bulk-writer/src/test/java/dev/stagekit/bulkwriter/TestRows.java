package dev.stagekit.bulkwriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stagekit.bulkwriter.internal.PlainCodecs;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Schemas, rows and a Parquet reader (Hadoop-free, like the writer) for the tests.
 */
final class TestRows {

	private TestRows() {
	}

	/** Every type the writer supports, with a dynamic field. */
	static CollectionSchema allTypes() {
		return CollectionSchema.builder()
			.field("id", DataType.INT64, (f) -> f.primaryKey(false))
			.field("title", DataType.VARCHAR, (f) -> f.maxLength(32))
			.field("tiny", DataType.INT8)
			.field("small", DataType.INT16)
			.field("count", DataType.INT32, FieldSchema.Builder::nullable)
			.field("score", DataType.FLOAT)
			.field("ratio", DataType.DOUBLE, (f) -> f.defaultValue(0.5))
			.field("flag", DataType.BOOL)
			.field("doc", DataType.JSON)
			.field("tags", DataType.ARRAY, (f) -> f.elements(DataType.VARCHAR, 4).maxLength(8))
			.field("vec", DataType.FLOAT_VECTOR, (f) -> f.dimension(4))
			.field("half", DataType.FLOAT16_VECTOR, (f) -> f.dimension(2))
			.field("bhalf", DataType.BFLOAT16_VECTOR, (f) -> f.dimension(2))
			.field("bits", DataType.BINARY_VECTOR, (f) -> f.dimension(16))
			.field("sparse", DataType.SPARSE_FLOAT_VECTOR)
			.enableDynamicField(true)
			.build();
	}

	static Map<String, Object> allTypesRow(long i) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", i);
		row.put("title", "t" + i);
		row.put("tiny", (byte) (i % 100));
		row.put("small", (short) (i % 1000));
		row.put("count", (i % 2 == 0) ? (int) i : null);
		row.put("score", i / 2f);
		row.put("flag", i % 3 == 0);
		row.put("doc", Map.of("n", i));
		row.put("tags", List.of("a" + (i % 10), "b"));
		row.put("vec", new float[] { i, 1.5f, -2f, 0.25f });
		row.put("half", List.of(1.0f, -2.0f));
		row.put("bhalf", new float[] { 1.0f, 3.0f });
		row.put("bits", new byte[] { (byte) 0xFF, (byte) i });
		row.put("sparse", Map.of(3, 0.5f, 1, 0.25f));
		row.put("color", "red" + i);
		return row;
	}

	/** A schema like the benchmark: INT64 key, VARCHAR, 768-dim float vector. */
	static CollectionSchema articles(int dimension) {
		return CollectionSchema.builder()
			.field("id", DataType.INT64, (f) -> f.primaryKey(false))
			.field("title", DataType.VARCHAR, (f) -> f.maxLength(256))
			.field("embedding", DataType.FLOAT_VECTOR, (f) -> f.dimension(dimension))
			.build();
	}

	/** A record row for {@link #articles(int)}. */
	record Article(long id, String title, float[] embedding) {

		static Article of(long id, int dimension) {
			java.util.SplittableRandom random = new java.util.SplittableRandom(id);
			float[] vector = new float[dimension];
			for (int i = 0; i < dimension; i++) {
				vector[i] = (float) random.nextDouble(-1, 1);
			}
			return new Article(id, "article " + id, vector);
		}

	}

	static List<Group> readParquet(Path file) {
		ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
			.withCodecFactory(PlainCodecs.INSTANCE)
			.build();
		try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
			MessageType schema = reader.getFooter().getFileMetaData().getSchema();
			List<Group> rows = new ArrayList<>();
			PageReadStore pages;
			while ((pages = reader.readNextRowGroup()) != null) {
				RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
					.getRecordReader(pages, new GroupRecordConverter(schema));
				for (long i = 0; i < pages.getRowCount(); i++) {
					rows.add(records.read());
				}
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static MessageType parquetSchema(Path file) {
		ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
			.withCodecFactory(PlainCodecs.INSTANCE)
			.build();
		try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
			return reader.getFooter().getFileMetaData().getSchema();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static float[] floats(Group row, String field) {
		Group list = row.getGroup(field, 0);
		int count = list.getFieldRepetitionCount("list");
		float[] values = new float[count];
		for (int i = 0; i < count; i++) {
			values[i] = list.getGroup("list", i).getFloat("element", 0);
		}
		return values;
	}

	static int[] ints(Group row, String field) {
		Group list = row.getGroup(field, 0);
		int count = list.getFieldRepetitionCount("list");
		int[] values = new int[count];
		for (int i = 0; i < count; i++) {
			values[i] = list.getGroup("list", i).getInteger("element", 0);
		}
		return values;
	}

}
