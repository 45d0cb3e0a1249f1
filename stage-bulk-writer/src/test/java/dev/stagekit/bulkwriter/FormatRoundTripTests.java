package dev.stagekit.bulkwriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.stagekit.bulkwriter.internal.CsvRows;
import dev.stagekit.bulkwriter.internal.FormatWriter;
import dev.stagekit.bulkwriter.internal.JsonRows;
import dev.stagekit.bulkwriter.internal.NumpyRows;
import dev.stagekit.bulkwriter.internal.ParquetFormatWriter;
import dev.stagekit.bulkwriter.internal.RowValidator;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each format written locally and read back.
 */
class FormatRoundTripTests {

	private static final CollectionSchema SCHEMA = TestRows.allTypes();

	@TempDir
	Path dir;

	private Path write(FormatWriter writer, int rows) throws Exception {
		RowValidator validator = new RowValidator(SCHEMA);
		try (writer) {
			for (int i = 1; i <= rows; i++) {
				writer.write(validator.validate(TestRows.allTypesRow(i), i));
			}
		}
		return this.dir;
	}

	@ParameterizedTest
	@EnumSource(ParquetCompression.class)
	void parquetHoldsEveryValueInTheLayoutMilvusReads(ParquetCompression compression) throws Exception {
		Path file = this.dir.resolve("1.parquet");
		write(new ParquetFormatWriter(file, SCHEMA.writtenFields(), true, 1 << 20,
				CompressionCodecName.valueOf(compression.name())), 100);
		MessageType schema = TestRows.parquetSchema(file);
		assertThat(schema.getType("id").asPrimitiveType().getPrimitiveTypeName().name()).isEqualTo("INT64");
		assertThat(schema.getType("title").getLogicalTypeAnnotation().toString()).isEqualTo("STRING");
		assertThat(schema.getType("tiny").getLogicalTypeAnnotation().toString()).isEqualTo("INTEGER(8,true)");
		assertThat(schema.getType("count").isRepetition(org.apache.parquet.schema.Type.Repetition.OPTIONAL)).isTrue();
		assertThat(schema.getType("vec").getLogicalTypeAnnotation().toString()).isEqualTo("LIST");
		assertThat(schema.getType("$meta").getLogicalTypeAnnotation().toString()).isEqualTo("STRING");
		assertThat(schema.getFields()).hasSize(SCHEMA.fields().size() + 1);

		List<Group> rows = TestRows.readParquet(file);
		assertThat(rows).hasSize(100);
		Group row = rows.get(6);
		assertThat(row.getLong("id", 0)).isEqualTo(7L);
		assertThat(row.getString("title", 0)).isEqualTo("t7");
		assertThat(row.getInteger("tiny", 0)).isEqualTo(7);
		assertThat(row.getInteger("small", 0)).isEqualTo(7);
		assertThat(row.getFieldRepetitionCount("count")).isZero();
		assertThat(rows.get(7).getInteger("count", 0)).isEqualTo(8);
		assertThat(row.getFloat("score", 0)).isEqualTo(3.5f);
		assertThat(row.getFieldRepetitionCount("ratio")).isZero();
		assertThat(row.getBoolean("flag", 0)).isFalse();
		assertThat(row.getString("doc", 0)).isEqualTo("{\"n\":7}");
		Group tags = row.getGroup("tags", 0);
		assertThat(tags.getGroup("list", 0).getString("element", 0)).isEqualTo("a7");
		assertThat(tags.getGroup("list", 1).getString("element", 0)).isEqualTo("b");
		assertThat(TestRows.floats(row, "vec")).containsExactly(7f, 1.5f, -2f, 0.25f);
		// float16 1.0 = 0x3C00, -2.0 = 0xC000; bfloat16 1.0 = 0x3F80, 3.0 = 0x4040 (little-endian bytes)
		assertThat(TestRows.ints(row, "half")).containsExactly(0x00, 0x3C, 0x00, 0xC0);
		assertThat(TestRows.ints(row, "bhalf")).containsExactly(0x80, 0x3F, 0x40, 0x40);
		assertThat(TestRows.ints(row, "bits")).containsExactly(0xFF, 7);
		assertThat(row.getString("sparse", 0)).isEqualTo("{\"1\":0.25,\"3\":0.5}");
		assertThat(row.getString("$meta", 0)).isEqualTo("{\"color\":\"red7\"}");
	}

	@Test
	void jsonIsARowsObjectWithMetaAndOmittedNulls() throws Exception {
		Path file = this.dir.resolve("1.json");
		write(new JsonRows(file, SCHEMA.writtenFields()), 10);
		JsonNode root = JsonMapper.builder().build().readTree(file.toFile());
		JsonNode rows = root.get("rows");
		assertThat(rows.size()).isEqualTo(10);
		JsonNode row = rows.get(6);
		assertThat(row.get("id").asLong()).isEqualTo(7);
		assertThat(row.has("count")).isFalse();
		assertThat(rows.get(7).get("count").asInt()).isEqualTo(8);
		assertThat(row.get("doc").get("n").asInt()).isEqualTo(7);
		assertThat(row.get("vec").toString()).isEqualTo("[7.0,1.5,-2.0,0.25]");
		assertThat(row.get("tags").toString()).isEqualTo("[\"a7\",\"b\"]");
		assertThat(row.get("sparse").toString()).isEqualTo("{\"1\":0.25,\"3\":0.5}");
		assertThat(row.get("$meta").get("color").asString()).isEqualTo("red7");
	}

	@Test
	void csvHasAHeaderAndQuotesJsonCells() throws Exception {
		Path file = this.dir.resolve("1.csv");
		write(new CsvRows(file, SCHEMA.writtenFields(), true), 3);
		List<String> lines = Files.readAllLines(file);
		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).isEqualTo(
				"id,title,tiny,small,count,score,ratio,flag,doc,tags,vec,half,bhalf,bits,sparse,$meta");
		assertThat(lines.get(1)).isEqualTo("1,t1,1,1,,0.5,,false,\"{\"\"n\"\":1}\",\"[\"\"a1\"\",\"\"b\"\"]\","
				+ "\"[1.0,1.5,-2.0,0.25]\",\"[0,60,0,192]\",\"[128,63,64,64]\",\"[255,1]\",\"{\"\"1\"\":0.25,\"\"3\"\":0.5}\","
				+ "\"{\"\"color\"\":\"\"red1\"\"}\"");
	}


	@Test
	void numpyWritesOneArrayPerFieldWithTheRowCountInItsHeader() throws Exception {
		CollectionSchema schema = CollectionSchema.builder()
			.field("id", DataType.INT64, (f) -> f.primaryKey(false))
			.field("title", DataType.VARCHAR, (f) -> f.maxLength(16))
			.field("tiny", DataType.INT8)
			.field("flag", DataType.BOOL)
			.field("vec", DataType.FLOAT_VECTOR, (f) -> f.dimension(3))
			.field("bits", DataType.BINARY_VECTOR, (f) -> f.dimension(8))
			.enableDynamicField(true)
			.build();
		Path batch = this.dir.resolve("1");
		RowValidator validator = new RowValidator(schema);
		try (NumpyRows writer = new NumpyRows(batch, schema.writtenFields(), true)) {
			for (int i = 1; i <= 5; i++) {
				writer.write(validator.validate(java.util.Map.of("id", (long) i, "title", "é" + "x".repeat(i), "tiny", i,
						"flag", i % 2 == 0, "vec", new float[] { i, 0.5f, -1 }, "bits", new byte[] { (byte) i }, "k", i), i));
			}
		}
		try (var files = Files.list(batch)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder("id.npy",
					"title.npy", "tiny.npy", "flag.npy", "vec.npy", "bits.npy", "$meta.npy");
		}
		Npy id = Npy.read(batch.resolve("id.npy"));
		assertThat(id.header()).startsWith("{'descr': '<i8', 'fortran_order': False, 'shape': (5,), }");
		assertThat(id.data().getLong(8 * 4)).isEqualTo(5);
		Npy vec = Npy.read(batch.resolve("vec.npy"));
		assertThat(vec.header()).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (5, 3), }");
		assertThat(vec.data().getFloat(3 * 4)).isEqualTo(2f);
		assertThat(vec.data().remaining()).isEqualTo(5 * 3 * 4);
		Npy title = Npy.read(batch.resolve("title.npy"));
		assertThat(title.header()).startsWith("{'descr': '<U6', 'fortran_order': False, 'shape': (5,), }");
		assertThat(title.data().getInt(0)).isEqualTo('é');
		assertThat(title.data().getInt(4)).isEqualTo('x');
		assertThat(title.data().getInt(8)).isZero();
		assertThat(Npy.read(batch.resolve("bits.npy")).header()).contains("'descr': '|u1'").contains("(5, 1)");
		assertThat(Npy.read(batch.resolve("$meta.npy")).header()).contains("'<U7'");
	}

	@Test
	void numpyRefusesWhatItCannotHold() {
		assertThatExceptionOfType(InvalidSchemaException.class)
			.isThrownBy(() -> NumpyRows.check(SCHEMA.writtenFields()))
			.withMessage("Field 'count' is nullable or has a default value; NumPy files cannot hold nulls, use PARQUET"
					+ " or JSON");
		assertThatExceptionOfType(InvalidSchemaException.class)
			.isThrownBy(() -> NumpyRows.check(java.util.List.of(SCHEMA.field("tags"))))
			.withMessage("Field 'tags' is ARRAY, which this writer does not write as NumPy; use PARQUET or JSON");
	}

	record Npy(String header, java.nio.ByteBuffer data) {

		static Npy read(Path file) throws java.io.IOException {
			byte[] bytes = Files.readAllBytes(file);
			assertThat(bytes[0] & 0xFF).isEqualTo(0x93);
			assertThat(new String(bytes, 1, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
			int length = (bytes[8] & 0xFF) | ((bytes[9] & 0xFF) << 8);
			assertThat((10 + length) % 64).isZero();
			String header = new String(bytes, 10, length, java.nio.charset.StandardCharsets.US_ASCII);
			assertThat(header).endsWith("\n");
			return new Npy(header, java.nio.ByteBuffer.wrap(bytes, 10 + length, bytes.length - 10 - length).slice()
				.order(java.nio.ByteOrder.LITTLE_ENDIAN));
		}

	}

}
