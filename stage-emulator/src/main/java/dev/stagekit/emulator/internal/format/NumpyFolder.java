package dev.stagekit.emulator.internal.format;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.stagekit.emulator.StoredObject;
import dev.stagekit.emulator.internal.collection.CollectionSchema;
import dev.stagekit.emulator.internal.collection.DataType;
import dev.stagekit.emulator.internal.collection.FieldSchema;

/**
 * A NumPy import batch: one folder holding one {@code <field>.npy} per field (and {@code $meta.npy} for dynamic
 * fields). Only the headers are read: dtype, shape and row count must fit the schema.
 */
final class NumpyFolder {

	private NumpyFolder() {
	}

	static long check(String folder, CollectionSchema schema, List<StoredObject> files,
			Function<String, InputStream> open) {
		Map<String, NumpyHeader> headers = new LinkedHashMap<>();
		for (StoredObject file : files) {
			String base = file.key().substring(file.key().lastIndexOf('/') + 1);
			String fieldName = base.substring(0, base.length() - ".npy".length());
			try (InputStream in = open.apply(file.key())) {
				headers.put(fieldName, NumpyHeader.read(folder + base, in));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
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
		return (rows != null) ? rows : 0;
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
