package dev.stagekit.emulator.internal.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.stagekit.emulator.internal.collection.CollectionSchema;
import dev.stagekit.emulator.internal.collection.DataType;
import dev.stagekit.emulator.internal.collection.FieldSchema;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parquet files, read with parquet-java one row group at a time from a temporary copy (Parquet needs random
 * access: its footer is at the end). The column types must convert to the schema's types as Milvus's
 * {@code importutilv2/parquet} accepts them, and every row's vectors, strings and arrays must fit.
 */
final class ParquetRows {

	private final JsonMapper mapper;

	ParquetRows(JsonMapper mapper) {
		this.mapper = mapper;
	}

	long check(String name, CollectionSchema schema, InputStream in) {
		return withCopy(in, (copy) -> check(name, schema, copy));
	}

	/** The names of a Parquet file's top-level columns, or why it is not a Parquet file. */
	List<String> columns(InputStream in) {
		return withCopy(in, (copy) -> {
			try (ParquetFileReader reader = open(copy)) {
				return reader.getFooter().getFileMetaData().getSchema().getFields().stream().map(Type::getName).toList();
			}
		});
	}

	private interface FileTask<T> {

		T run(Path file) throws IOException;

	}

	private static <T> T withCopy(InputStream in, FileTask<T> task) {
		Path copy = null;
		try {
			copy = Files.createTempFile("stagekit-import", ".parquet");
			Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
			return task.run(copy);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (copy != null) {
				try {
					Files.deleteIfExists(copy);
				}
				catch (IOException ex) {
					// A temporary file left behind; the OS cleans its temp directory.
				}
			}
		}
	}

	private static ParquetFileReader open(Path file) {
		try {
			return ParquetFileReader.open(new LocalInputFile(file), ParquetReadOptions.builder().build());
		}
		catch (IOException | RuntimeException ex) {
			String message = String.valueOf(ex.getMessage()).replace(file.toString(), "the file");
			throw new ImportFailure("new parquet reader failed, err=" + message);
		}
	}

	private long check(String name, CollectionSchema schema, Path file) throws IOException {
		try (ParquetFileReader reader = open(file)) {
			MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
			Map<Integer, FieldSchema> checked = columns(schema, fileSchema);
			long count = 0;
			PageReadStore pages;
			while ((pages = readRowGroup(reader)) != null) {
				RecordReader<Group> records = new ColumnIOFactory().getColumnIO(fileSchema)
					.getRecordReader(pages, new GroupRecordConverter(fileSchema));
				for (long i = 0; i < pages.getRowCount(); i++) {
					Group row = records.read();
					for (Map.Entry<Integer, FieldSchema> column : checked.entrySet()) {
						checkValue(column.getValue(), row, column.getKey(), fileSchema.getType(column.getKey()));
					}
					count++;
				}
			}
			return count;
		}
		catch (ImportFailure ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new ImportFailure("failed to read the parquet file '" + name + "', err=" + ex.getMessage());
		}
	}

	private static @Nullable PageReadStore readRowGroup(ParquetFileReader reader) {
		try {
			return reader.readNextRowGroup();
		}
		catch (IOException ex) {
			throw new ImportFailure("failed to read a row group, err=" + ex.getMessage());
		}
	}

	/** Matches the file's columns to the schema's fields; answers the columns to check, by index. */
	private static Map<Integer, FieldSchema> columns(CollectionSchema schema, MessageType fileSchema) {
		Map<Integer, FieldSchema> checked = new HashMap<>();
		List<Type> columns = fileSchema.getFields();
		for (int i = 0; i < columns.size(); i++) {
			Type column = columns.get(i);
			FieldSchema field = schema.field(column.getName()).orElse(null);
			if (field == null) {
				if (column.getName().equals(CollectionSchema.META) && schema.enableDynamicField()) {
					continue;
				}
				if (!schema.enableDynamicField()) {
					throw new ImportFailure("the field: " + column.getName() + " is not in schema, "
							+ "if it's a dynamic field, please reformat data by bulk_writer");
				}
				continue;
			}
			if (field.primary() && field.autoId()) {
				throw Values.autoIdGiven(field);
			}
			checkType(field, column);
			checked.put(i, field);
		}
		for (FieldSchema field : schema.fields()) {
			if (field.required() && !checked.containsValue(field)) {
				throw new ImportFailure("no parquet field for milvus field '" + field.name() + "'");
			}
		}
		return checked;
	}

	/** The element of a list column (3-level LIST, legacy 2-level, or a bare repeated field), else null. */
	private static @Nullable Type element(Type column) {
		if (column.isRepetition(Type.Repetition.REPEATED)) {
			return column;
		}
		if (column.isPrimitive()) {
			return null;
		}
		GroupType group = column.asGroupType();
		boolean list = group.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation;
		if (!list || group.getFieldCount() != 1) {
			return null;
		}
		Type repeated = group.getType(0);
		if (!repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1) {
			return repeated.asGroupType().getType(0);
		}
		return repeated;
	}

	/** The type's name as Arrow (and so Milvus's messages) name it. */
	private static String arrowName(Type type) {
		if (!type.isPrimitive()) {
			return (element(type) != null) ? "list" : "struct";
		}
		PrimitiveType primitive = type.asPrimitiveType();
		LogicalTypeAnnotation annotation = primitive.getLogicalTypeAnnotation();
		return switch (primitive.getPrimitiveTypeName()) {
			case BOOLEAN -> "bool";
			case INT32 -> (annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation ints)
					? (ints.isSigned() ? "int" : "uint") + ints.getBitWidth() : "int32";
			case INT64 -> (annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation ints && !ints.isSigned())
					? "uint64" : "int64";
			case FLOAT -> "float";
			case DOUBLE -> "double";
			case BINARY -> (annotation instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
					|| annotation instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
					|| annotation instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation) ? "utf8" : "binary";
			case FIXED_LEN_BYTE_ARRAY -> "fixed_size_binary";
			case INT96 -> "timestamp";
		};
	}

	/** Whether values of the Arrow type {@code actual} convert to the Milvus type {@code type}. */
	private static boolean converts(String actual, DataType type) {
		return switch (type) {
			case Bool -> actual.equals("bool");
			case Int8 -> actual.equals("int8");
			case Int16 -> actual.equals("int8") || actual.equals("int16");
			case Int32 -> actual.equals("int8") || actual.equals("int16") || actual.equals("int32");
			case Int64 -> actual.equals("int8") || actual.equals("int16") || actual.equals("int32")
					|| actual.equals("int64");
			case Float, Double -> actual.matches("int(8|16|32|64)") || actual.equals("float") || actual.equals("double");
			case VarChar, JSON -> actual.equals("utf8");
			default -> false;
		};
	}

	private static void checkType(FieldSchema field, Type column) {
		DataType type = field.dataType();
		Type element = element(column);
		String actual = arrowName(column);
		boolean ok;
		switch (type) {
			case FloatVector -> ok = element != null && element.isPrimitive() && converts(arrowName(element), DataType.Float);
			case BinaryVector -> ok = actual.equals("binary")
					|| (element != null && element.isPrimitive() && arrowName(element).equals("uint8"));
			case Float16Vector, BFloat16Vector -> ok = element != null && element.isPrimitive()
					&& (arrowName(element).equals("uint8") || converts(arrowName(element), DataType.Float));
			case SparseFloatVector -> ok = actual.equals("utf8") || (actual.equals("struct")
					&& column.asGroupType().containsField("indices") && column.asGroupType().containsField("values"));
			case Array -> ok = element != null && element.isPrimitive()
					&& converts(arrowName(element), field.elementType());
			default -> ok = column.isPrimitive() && converts(actual, type);
		}
		if (!ok) {
			String got = (element != null && element.isPrimitive()) ? arrowName(element) : actual;
			throw new ImportFailure("expect '" + field.typeName() + "' type for field '" + field.name() + "', but got '"
					+ got + "' type");
		}
	}

	private void checkValue(FieldSchema field, Group row, int index, Type column) {
		int present = row.getFieldRepetitionCount(index);
		Type element = element(column);
		if (present == 0 && element != column) {
			if (field.nullable() || field.hasDefault()) {
				return;
			}
			throw Values.notNullable(field);
		}
		DataType type = field.dataType();
		switch (type) {
			case FloatVector, Float16Vector, BFloat16Vector, BinaryVector -> {
				int length = listLength(row, index, column);
				boolean bytes = element != null && element.isPrimitive() && arrowName(element).equals("uint8");
				if (column.isPrimitive() && !column.isRepetition(Type.Repetition.REPEATED)) {
					length = row.getBinary(index, 0).length();
					bytes = true;
				}
				int dim = switch (type) {
					case BinaryVector -> length * 8;
					case Float16Vector, BFloat16Vector -> bytes ? length / 2 : length;
					default -> length;
				};
				if (dim != field.dim()) {
					throw Values.dimError(field, dim);
				}
			}
			case Array -> {
				int length = listLength(row, index, column);
				if (length > field.maxCapacity()) {
					throw Values.overCapacity(field, length);
				}
				if (field.elementType() == DataType.VarChar) {
					for (int i = 0; i < length; i++) {
						checkLength(field, listString(row, index, column, i));
					}
				}
			}
			case VarChar -> checkLength(field, row.getString(index, 0));
			case JSON -> {
				String value = row.getString(index, 0);
				if (!Values.parses(value, this.mapper)) {
					throw new ImportFailure("failed to parse value '" + value + "' for JSON field '" + field.name()
							+ "', the value is not valid JSON");
				}
			}
			case SparseFloatVector -> {
				if (column.isPrimitive()) {
					String value = row.getString(index, 0);
					boolean ok;
					try {
						ok = Values.validSparse(this.mapper.readTree(value));
					}
					catch (RuntimeException ex) {
						ok = false;
					}
					if (!ok) {
						throw new ImportFailure("Invalid JSON string for SparseFloatVector: '" + value + "'");
					}
				}
			}
			default -> {
				// Scalar columns were checked by type; their values cannot be of another type.
			}
		}
	}

	private static void checkLength(FieldSchema field, String value) {
		int length = value.getBytes(StandardCharsets.UTF_8).length;
		if (length > field.maxLength()) {
			throw Values.tooLong(field, length);
		}
	}

	/** The {@code i}-th string of a list column, whichever list layout it uses. */
	private static String listString(Group row, int index, Type column, int i) {
		if (column.isRepetition(Type.Repetition.REPEATED)) {
			return row.getString(index, i);
		}
		Group list = row.getGroup(index, 0);
		Type repeated = list.getType().getType(0);
		return repeated.isPrimitive() ? list.getString(0, i) : list.getGroup(0, i).getString(0, 0);
	}

	private static int listLength(Group row, int index, Type column) {
		if (column.isRepetition(Type.Repetition.REPEATED)) {
			return row.getFieldRepetitionCount(index);
		}
		Group list = row.getGroup(index, 0);
		return (list.getType().getFieldCount() == 1) ? list.getFieldRepetitionCount(0) : 0;
	}

}
