package dev.stagekit.bulkwriter.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

import dev.stagekit.bulkwriter.DataType;
import dev.stagekit.bulkwriter.FieldSchema;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.jspecify.annotations.Nullable;

/**
 * Writes Parquet as Milvus imports it (the layout pyarrow gives the official writers' data): integers as
 * INT32/INT64 with int annotations, VARCHAR and JSON as UTF-8 strings, vectors and arrays as 3-level
 * lists ({@code list<float>}, {@code list<uint8>} for binary, float16 and bfloat16 bytes), sparse vectors
 * as a JSON object string, dynamic fields as a {@code $meta} JSON string. Runs on parquet-java's
 * Hadoop-free path ({@link LocalOutputFile}, {@link PlainParquetConfiguration}).
 */
public final class ParquetFormatWriter implements FormatWriter {

	/** The dynamic field column. */
	public static final String META = "$meta";

	private final ParquetWriter<ValidRow> writer;

	/**
	 * Open a file.
	 * @param file the file to create
	 * @param fields the written fields
	 * @param dynamic whether to write the {@code $meta} column
	 * @param rowGroupSize the row group size in bytes (what is buffered in memory)
	 * @param codec the compression codec
	 * @throws IOException if the file cannot be created
	 */
	public ParquetFormatWriter(Path file, List<FieldSchema> fields, boolean dynamic, long rowGroupSize,
			CompressionCodecName codec) throws IOException {
		MessageType schema = schema(fields, dynamic);
		this.writer = new Builder(new LocalOutputFile(file), new RowWriteSupport(schema, fields, dynamic))
			.withConf(new PlainParquetConfiguration())
			.withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
			.withCodecFactory(PlainCodecs.INSTANCE)
			.withCompressionCodec(codec)
			.withRowGroupSize(rowGroupSize)
			.withDictionaryEncoding(false)
			.build();
	}

	/**
	 * The Parquet schema for the written fields.
	 * @param fields the fields
	 * @param dynamic whether to add {@code $meta}
	 * @return the schema
	 */
	public static MessageType schema(List<FieldSchema> fields, boolean dynamic) {
		Types.MessageTypeBuilder message = Types.buildMessage();
		for (FieldSchema field : fields) {
			Type.Repetition repetition = field.isOptional() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
			message.addField(type(field.type(), field.elementType(), repetition, field.name()));
		}
		if (dynamic) {
			message.addField(Types.primitive(PrimitiveTypeName.BINARY, Type.Repetition.REQUIRED)
				.as(LogicalTypeAnnotation.stringType())
				.named(META));
		}
		return message.named("schema");
	}

	private static Type type(DataType type, @Nullable DataType elementType, Type.Repetition repetition, String name) {
		return switch (type) {
			case INT8 -> Types.primitive(PrimitiveTypeName.INT32, repetition)
				.as(LogicalTypeAnnotation.intType(8, true))
				.named(name);
			case INT16 -> Types.primitive(PrimitiveTypeName.INT32, repetition)
				.as(LogicalTypeAnnotation.intType(16, true))
				.named(name);
			case INT32 -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
			case INT64 -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
			case FLOAT -> Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(name);
			case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
			case BOOL -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
			case VARCHAR, JSON, SPARSE_FLOAT_VECTOR -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
				.as(LogicalTypeAnnotation.stringType())
				.named(name);
			case FLOAT_VECTOR -> list(Types.primitive(PrimitiveTypeName.FLOAT, Type.Repetition.REQUIRED)
				.named("element"), repetition, name);
			case BINARY_VECTOR, FLOAT16_VECTOR, BFLOAT16_VECTOR -> list(
					Types.primitive(PrimitiveTypeName.INT32, Type.Repetition.REQUIRED)
						.as(LogicalTypeAnnotation.intType(8, false))
						.named("element"),
					repetition, name);
			case ARRAY -> list(type(Objects.requireNonNull(elementType, "ARRAY element type"), null, Type.Repetition.REQUIRED, "element"), repetition, name);
		};
	}

	private static Type list(Type element, Type.Repetition repetition, String name) {
		return Types.buildGroup(repetition)
			.as(LogicalTypeAnnotation.listType())
			.addField(Types.repeatedGroup().addField(element).named("list"))
			.named(name);
	}

	@Override
	public void write(ValidRow row) throws IOException {
		this.writer.write(row);
	}

	@Override
	public long size() {
		return this.writer.getDataSize();
	}

	@Override
	public void close() throws IOException {
		this.writer.close();
	}

	private static final class Builder extends ParquetWriter.Builder<ValidRow, Builder> {

		private final WriteSupport<ValidRow> writeSupport;

		Builder(OutputFile file, WriteSupport<ValidRow> writeSupport) {
			super(file);
			this.writeSupport = writeSupport;
		}

		@Override
		protected Builder self() {
			return this;
		}

		// Abstract (and deprecated) in parquet-java: required, never called on the Hadoop-free path.
		@Override
		@SuppressWarnings("deprecation")
		protected WriteSupport<ValidRow> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
			return this.writeSupport;
		}

		@Override
		protected WriteSupport<ValidRow> getWriteSupport(ParquetConfiguration conf) {
			return this.writeSupport;
		}

	}

	private static final class RowWriteSupport extends WriteSupport<ValidRow> {

		private final MessageType schema;

		private final List<FieldSchema> fields;

		private final boolean dynamic;

		private @Nullable RecordConsumer consumer;

		RowWriteSupport(MessageType schema, List<FieldSchema> fields, boolean dynamic) {
			this.schema = schema;
			this.fields = fields;
			this.dynamic = dynamic;
		}

		// Abstract (and deprecated) in parquet-java: required, never called on the Hadoop-free path.
		@Override
		@SuppressWarnings("deprecation")
		public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
			return new WriteContext(this.schema, new HashMap<>());
		}

		@Override
		public WriteContext init(ParquetConfiguration configuration) {
			return new WriteContext(this.schema, new HashMap<>());
		}

		@Override
		public void prepareForWrite(RecordConsumer recordConsumer) {
			this.consumer = recordConsumer;
		}

		@Override
		public void write(ValidRow row) {
			RecordConsumer out = Objects.requireNonNull(this.consumer, "prepareForWrite not called");
			out.startMessage();
			Object[] values = row.values();
			for (int i = 0; i < values.length; i++) {
				Object value = values[i];
				if (value == null) {
					continue;
				}
				FieldSchema field = this.fields.get(i);
				out.startField(field.name(), i);
				value(out, field.type(), field.elementType(), value);
				out.endField(field.name(), i);
			}
			if (this.dynamic) {
				out.startField(META, values.length);
				out.addBinary(Binary.fromString(Objects.requireNonNullElse(row.meta(), "{}")));
				out.endField(META, values.length);
			}
			out.endMessage();
		}

		private static void value(RecordConsumer out, DataType type, @Nullable DataType elementType, Object value) {
			switch (type) {
				case INT8, INT16, INT32 -> out.addInteger(((Long) value).intValue());
				case INT64 -> out.addLong((Long) value);
				case FLOAT -> out.addFloat((Float) value);
				case DOUBLE -> out.addDouble((Double) value);
				case BOOL -> out.addBoolean((Boolean) value);
				case VARCHAR, JSON -> out.addBinary(Binary.fromString((String) value));
				case SPARSE_FLOAT_VECTOR -> out.addBinary(Binary.fromString(JsonRows.sparseJson((ValidRow.SparseVector) value)));
				case FLOAT_VECTOR -> {
					float[] vector = (float[]) value;
					startList(out, vector.length);
					for (float f : vector) {
						out.startGroup();
						out.startField("element", 0);
						out.addFloat(f);
						out.endField("element", 0);
						out.endGroup();
					}
					endList(out, vector.length);
				}
				case BINARY_VECTOR, FLOAT16_VECTOR, BFLOAT16_VECTOR -> {
					byte[] bytes = (byte[]) value;
					startList(out, bytes.length);
					for (byte b : bytes) {
						out.startGroup();
						out.startField("element", 0);
						out.addInteger(b & 0xFF);
						out.endField("element", 0);
						out.endGroup();
					}
					endList(out, bytes.length);
				}
				case ARRAY -> {
					List<?> list = (List<?>) value;
					startList(out, list.size());
					for (Object element : list) {
						element(out, () -> value(out, Objects.requireNonNull(elementType, "ARRAY element type"), null, element));
					}
					endList(out, list.size());
				}
			}
		}

		private static void startList(RecordConsumer out, int size) {
			out.startGroup();
			if (size > 0) {
				out.startField("list", 0);
			}
		}

		private static void endList(RecordConsumer out, int size) {
			if (size > 0) {
				out.endField("list", 0);
			}
			out.endGroup();
		}

		private static void element(RecordConsumer out, Runnable write) {
			out.startGroup();
			out.startField("element", 0);
			write.run();
			out.endField("element", 0);
			out.endGroup();
		}

	}

}
