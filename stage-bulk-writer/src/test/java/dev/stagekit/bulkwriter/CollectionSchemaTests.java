package dev.stagekit.bulkwriter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Schemas built in code and read from the describe-collection answer.
 */
class CollectionSchemaTests {

	static final String DESCRIBE = """
			{"code":0,"data":{"collectionName":"articles","autoId":false,"enableDynamicField":true,
			 "fields":[
			  {"name":"id","type":"Int64","primaryKey":true,"autoId":true,"partitionKey":false},
			  {"name":"title","type":"VarChar","primaryKey":false,"params":[{"key":"max_length","value":"512"}]},
			  {"name":"embedding","type":"FloatVector","params":[{"key":"dim","value":"768"}]},
			  {"name":"tags","type":"Array","elementType":"VarChar","params":[{"key":"max_capacity","value":"8"},
			   {"key":"max_length","value":"16"}]},
			  {"name":"year","type":"Int16","nullable":true},
			  {"name":"rating","type":"Float","defaultValue":2.5},
			  {"name":"sparse","type":"SparseFloatVector","isFunctionOutput":true}
			 ]}}
			""";

	@Test
	void readsTheDescribeAnswer() {
		CollectionSchema schema = CollectionSchema.fromDescribe(DESCRIBE);
		assertThat(schema.enableDynamicField()).isTrue();
		assertThat(schema.fields()).extracting(FieldSchema::name)
			.containsExactly("id", "title", "embedding", "tags", "year", "rating");
		assertThat(schema.primaryKey().autoId()).isTrue();
		assertThat(schema.writtenFields()).extracting(FieldSchema::name).doesNotContain("id");
		assertThat(schema.field("title").maxLength()).isEqualTo(512);
		assertThat(schema.field("embedding").dimension()).isEqualTo(768);
		assertThat(schema.field("tags").elementType()).isEqualTo(DataType.VARCHAR);
		assertThat(schema.field("tags").maxCapacity()).isEqualTo(8);
		assertThat(schema.field("year").nullable()).isTrue();
		assertThat(schema.field("rating").defaultValue()).isEqualTo(2.5);
	}

	@Test
	void anErrorAnswerIsReported() {
		assertThatExceptionOfType(InvalidSchemaException.class)
			.isThrownBy(() -> CollectionSchema.fromDescribe("{\"code\":100,\"message\":\"collection not found\"}"))
			.withMessage("Describe collection failed with code 100: collection not found");
	}

	@Test
	void aVectorWithoutDimensionIsRefused() {
		assertThatExceptionOfType(InvalidSchemaException.class)
			.isThrownBy(() -> CollectionSchema.fromDescribe(
					"{\"fields\":[{\"name\":\"v\",\"type\":\"FloatVector\",\"params\":[]}]}"))
			.withMessageContaining("Field 'v' has no usable 'dim' parameter");
	}

	@Test
	void builtSchemasFollowMilvusRules() {
		assertThatExceptionOfType(InvalidSchemaException.class)
			.isThrownBy(() -> CollectionSchema.builder().field("v", DataType.FLOAT_VECTOR, (f) -> f.dimension(4)).build())
			.withMessageContaining("exactly one field must be the primary key, found 0");
		assertThatExceptionOfType(InvalidSchemaException.class)
			.isThrownBy(() -> FieldSchema.builder("b", DataType.BINARY_VECTOR).dimension(12).build())
			.withMessageContaining("multiple of 8");
		assertThatExceptionOfType(InvalidSchemaException.class)
			.isThrownBy(() -> FieldSchema.builder("s", DataType.VARCHAR).build())
			.withMessageContaining("maxLength from 1 to 65535");
	}

}
