package dev.stagekit.bulkwriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.stagekit.bulkwriter.internal.CsvRows;
import dev.stagekit.bulkwriter.internal.FormatWriter;
import dev.stagekit.bulkwriter.internal.JsonRows;
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

}
