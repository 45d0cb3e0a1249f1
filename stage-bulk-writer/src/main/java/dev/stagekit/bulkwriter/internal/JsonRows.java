package dev.stagekit.bulkwriter.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import dev.stagekit.bulkwriter.DataType;
import dev.stagekit.bulkwriter.FieldSchema;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * Writes JSON as Milvus imports it: {@code {"rows":[{...},...]}}, one object per row, vectors as number
 * arrays (float16 and bfloat16 vectors as their byte arrays), JSON fields as JSON values, dynamic fields
 * under {@code $meta}; a null optional value is left out. Streams: memory does not grow with the file.
 */
public final class JsonRows implements FormatWriter {

	private final CountingOutputStream counter;

	private final JsonGenerator generator;

	private final List<FieldSchema> fields;

	/**
	 * Open a file.
	 * @param file the file to create
	 * @param fields the written fields
	 * @throws IOException if the file cannot be created
	 */
	public JsonRows(Path file, List<FieldSchema> fields) throws IOException {
		OutputStream out = Files.newOutputStream(file);
		this.counter = new CountingOutputStream(out);
		this.generator = RowValidator.MAPPER.createGenerator(this.counter);
		this.fields = fields;
		this.generator.writeStartObject();
		this.generator.writeName("rows");
		this.generator.writeStartArray();
	}

	@Override
	public void write(ValidRow row) {
		JsonGenerator out = this.generator;
		out.writeStartObject();
		@Nullable Object[] values = row.values();
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			if (value == null) {
				continue;
			}
			FieldSchema field = this.fields.get(i);
			out.writeName(field.name());
			value(out, field.type(), field.elementType(), value);
		}
		if (row.meta() != null) {
			out.writeName(ParquetFormatWriter.META);
			out.writeRawValue(row.meta());
		}
		out.writeEndObject();
	}

	static void value(JsonGenerator out, DataType type, @Nullable DataType elementType, Object value) {
		switch (type) {
			case INT8, INT16, INT32, INT64 -> out.writeNumber((Long) value);
			case FLOAT -> out.writeNumber((Float) value);
			case DOUBLE -> out.writeNumber((Double) value);
			case BOOL -> out.writeBoolean((Boolean) value);
			case VARCHAR -> out.writeString((String) value);
			case JSON -> out.writeRawValue((String) value);
			case SPARSE_FLOAT_VECTOR -> out.writeRawValue(sparseJson((ValidRow.SparseVector) value));
			case FLOAT_VECTOR -> {
				float[] vector = (float[]) value;
				out.writeStartArray();
				for (float f : vector) {
					out.writeNumber(f);
				}
				out.writeEndArray();
			}
			case BINARY_VECTOR, FLOAT16_VECTOR, BFLOAT16_VECTOR -> {
				out.writeStartArray();
				for (byte b : (byte[]) value) {
					out.writeNumber(b & 0xFF);
				}
				out.writeEndArray();
			}
			case ARRAY -> {
				out.writeStartArray();
				for (Object element : (List<?>) value) {
					value(out, Objects.requireNonNull(elementType, "ARRAY element type"), null, element);
				}
				out.writeEndArray();
			}
		}
	}

	/**
	 * A sparse vector as the JSON object Milvus takes: {@code {"index": value, ...}}.
	 * @param vector the vector
	 * @return the JSON text
	 */
	static String sparseJson(ValidRow.SparseVector vector) {
		StringBuilder json = new StringBuilder(vector.indices().length * 16).append('{');
		for (int i = 0; i < vector.indices().length; i++) {
			if (i > 0) {
				json.append(',');
			}
			json.append('"').append(vector.indices()[i]).append("\":").append(vector.values()[i]);
		}
		return json.append('}').toString();
	}

	@Override
	public long size() {
		return this.counter.count() + this.generator.streamWriteOutputBuffered();
	}

	@Override
	public void close() throws IOException {
		this.generator.writeEndArray();
		this.generator.writeEndObject();
		this.generator.close();
		this.counter.close();
	}

}
