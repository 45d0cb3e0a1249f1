package dev.stagekit.emulator.internal.format;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.stagekit.emulator.StoredObject;
import dev.stagekit.emulator.internal.collection.CollectionSchema;
import dev.stagekit.emulator.internal.collection.DataType;
import dev.stagekit.emulator.internal.collection.FieldSchema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * A NumPy import batch: one folder holding one {@code <field>.npy} per field (and {@code $meta.npy} for dynamic
 * fields). The headers must fit the schema (dtype, shape, equal row counts), each file must hold exactly the data
 * its header announces, and string values are read one row at a time: VarChar within its maximum length in UTF-8
 * bytes, JSON parsing as JSON and {@code $meta} as a JSON object.
 */
final class NumpyFolder {

	/** The widest string dtype read: Milvus's longest VarChar, 65,535 bytes, as UTF-32 code units at most. */
	private static final long MAX_STRING_BYTES = 4L * 65_535;

	private NumpyFolder() {
	}

	static long check(String folder, CollectionSchema schema, List<StoredObject> files,
			Function<String, InputStream> open, JsonMapper mapper) {
		Map<String, NumpyHeader> headers = new LinkedHashMap<>();
		Map<String, StoredObject> objects = new LinkedHashMap<>();
		for (StoredObject file : files) {
			String base = file.key().substring(file.key().lastIndexOf('/') + 1);
			String fieldName = base.substring(0, base.length() - ".npy".length());
			try (InputStream in = open.apply(file.key())) {
				NumpyHeader header = NumpyHeader.read(folder + base, in);
				checkSize(folder + base, header, file.size());
				headers.put(fieldName, header);
				objects.put(fieldName, file);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		FieldSchema primary = schema.primaryField();
		if (primary.autoId() && headers.containsKey(primary.name())) {
			throw Values.autoIdGiven(primary);
		}
		for (String name : headers.keySet()) {
			boolean meta = name.equals(CollectionSchema.META) && schema.enableDynamicField();
			if (!meta && schema.field(name).isEmpty()) {
				throw Values.notInSchema(name);
			}
		}
		Long rows = null;
		String first = null;
		for (FieldSchema field : schema.fields()) {
			NumpyHeader header = headers.get(field.name());
			if (header == null) {
				if (field.required()) {
					throw new ImportFailure("no file for field: " + field.name() + ", files: "
							+ headers.keySet().stream().map((name) -> name + ".npy").toList());
				}
				continue;
			}
			long count = checkHeader(field, header);
			if (rows == null) {
				rows = count;
				first = field.name();
			}
			else if (rows != count) {
				throw new ImportFailure("the row count of field '" + field.name() + "' is " + count
						+ ", but field '" + first + "' has " + rows + " rows");
			}
		}
		for (Map.Entry<String, NumpyHeader> entry : headers.entrySet()) {
			String name = entry.getKey();
			FieldSchema field = schema.field(name).orElse(null);
			boolean meta = field == null;
			if (meta || field.dataType() == DataType.VarChar || field.dataType() == DataType.JSON) {
				try (InputStream in = open.apply(objects.get(name).key())) {
					NumpyHeader header = NumpyHeader.read(folder + name + ".npy", in);
					checkStrings(folder + name + ".npy", field, header, in, mapper);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		return (rows != null) ? rows : 0;
	}

	/** A file must hold exactly the bytes its shape and dtype announce: a truncated upload fails the import. */
	private static void checkSize(String name, NumpyHeader header, long fileSize) {
		long itemSize = header.itemSize();
		if (itemSize < 0 || fileSize < 0) {
			return;
		}
		long expected = itemSize;
		try {
			for (long dimension : header.shape()) {
				expected = Math.multiplyExact(expected, dimension);
			}
		}
		catch (ArithmeticException ex) {
			throw NumpyHeader.invalid(name, "its shape " + header.shape() + " is too large");
		}
		long data = fileSize - header.headerBytes();
		if (data != expected) {
			throw NumpyHeader.invalid(name, "its data is " + data + " bytes, but shape " + header.shape()
					+ " of dtype '" + header.descr() + "' needs " + expected);
		}
	}

	/**
	 * Reads a string column ({@code <Un}: n UTF-32 code units per row, padded with NULs) one row at a time;
	 * {@code field} is null for {@code $meta}.
	 */
	private static void checkStrings(String name, @Nullable FieldSchema field, NumpyHeader header, InputStream in,
			JsonMapper mapper) throws IOException {
		if (!header.kind().startsWith("U")) {
			throw new ImportFailure("expected a string numpy dtype ('<U...') for " + ((field != null)
					? "field '" + field.name() + "'" : "the dynamic field $meta") + ", got '" + header.descr() + "'");
		}
		if (header.itemSize() > MAX_STRING_BYTES) {
			throw NumpyHeader.invalid(name, "its dtype '" + header.descr() + "' is wider than the "
					+ (MAX_STRING_BYTES / 4) + " characters a string field holds");
		}
		int width = (int) header.itemSize();
		long rows = header.shape().isEmpty() ? 0 : header.shape().get(0);
		ByteBuffer row = ByteBuffer.allocate(width).order(header.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
		DataInputStream data = new DataInputStream(in);
		for (long i = 0; i < rows; i++) {
			row.clear();
			data.readFully(row.array());
			StringBuilder text = new StringBuilder();
			while (row.hasRemaining()) {
				int codePoint = row.getInt();
				if (codePoint == 0) {
					break;
				}
				if (!Character.isValidCodePoint(codePoint)) {
					throw NumpyHeader.invalid(name, "row " + i + " holds the invalid code point " + codePoint);
				}
				text.appendCodePoint(codePoint);
			}
			String value = text.toString();
			if (field == null) {
				if (!Values.parsesAsObject(value, mapper)) {
					throw new ImportFailure("illegal value for the dynamic field $meta in row " + i
							+ ": it must be a JSON object, got '" + value + "'");
				}
			}
			else {
				// The rules of JSON and CSV rows: a VarChar's length in UTF-8 bytes, a JSON string that parses.
				Values.check(field, StringNode.valueOf(value), mapper);
			}
		}
	}

	private static long checkHeader(FieldSchema field, NumpyHeader header) {
		String kind = header.kind();
		List<Long> shape = header.shape();
		DataType type = field.dataType();
		boolean vector = type.hasDim();
		boolean ok = switch (type) {
			case Bool -> kind.equals("b1") || kind.equals("?");
			case Int8 -> kind.equals("i1");
			case Int16 -> kind.equals("i2");
			case Int32 -> kind.equals("i4");
			case Int64 -> kind.equals("i8");
			case Float -> kind.equals("f4");
			case Double -> kind.equals("f8");
			case VarChar, JSON -> kind.startsWith("U");
			case FloatVector -> kind.equals("f4") || kind.equals("f8");
			case BinaryVector -> kind.equals("u1");
			case Float16Vector, BFloat16Vector -> kind.equals("u1") || kind.equals("f4");
			case Array, SparseFloatVector -> throw new ImportFailure("numpy import does not support the "
					+ type + " field '" + field.name() + "'");
		};
		if (!ok) {
			throw new ImportFailure("expected type '" + type + "' for field '" + field.name() + "', got numpy dtype '"
					+ header.descr() + "'");
		}
		if (header.fortranOrder()) {
			throw new ImportFailure("the numpy file of field '" + field.name() + "' is in Fortran order, "
					+ "which is not supported");
		}
		if (vector) {
			if (shape.size() != 2) {
				throw new ImportFailure("the numpy file of vector field '" + field.name() + "' should be 2-dimensional, "
						+ "but its shape is " + shape);
			}
			long actual = shape.get(1);
			long expected = switch (type) {
				case BinaryVector -> field.dim() / 8;
				case Float16Vector, BFloat16Vector -> kind.equals("u1") ? field.dim() * 2L : field.dim();
				default -> field.dim();
			};
			if (actual != expected) {
				int dim = (int) switch (type) {
					case BinaryVector -> actual * 8;
					case Float16Vector, BFloat16Vector -> kind.equals("u1") ? actual / 2 : actual;
					default -> actual;
				};
				throw Values.dimError(field, dim);
			}
		}
		else if (shape.size() != 1) {
			throw new ImportFailure("the numpy file of field '" + field.name() + "' should be 1-dimensional, "
					+ "but its shape is " + shape);
		}
		return shape.get(0);
	}

}
