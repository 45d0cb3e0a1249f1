package dev.stagekit.bulkwriter.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.stagekit.bulkwriter.DataType;
import dev.stagekit.bulkwriter.FieldSchema;
import dev.stagekit.bulkwriter.InvalidSchemaException;
import org.jspecify.annotations.Nullable;

/**
 * Writes one NumPy batch as Milvus imports it: a directory with one {@code <field>.npy} per field (and
 * {@code $meta.npy} for dynamic fields), each a version 1.0 array with the batch's rows as its first
 * dimension. Numbers and vectors are streamed to their file and the header (which holds the row count) is
 * written last; strings (VARCHAR, JSON, {@code $meta}) are spooled and written at the end as fixed-width
 * {@code <U} arrays as wide as the longest value, as NumPy stores strings. Memory does not grow with the rows.
 */
public final class NumpyRows implements FormatWriter {

	private static final int HEADER_LENGTH = 128;

	private static final Set<DataType> SUPPORTED = Set.of(DataType.INT8, DataType.INT16, DataType.INT32,
			DataType.INT64, DataType.FLOAT, DataType.DOUBLE, DataType.BOOL, DataType.VARCHAR, DataType.JSON,
			DataType.FLOAT_VECTOR, DataType.BINARY_VECTOR);

	private final List<Column> columns = new ArrayList<>();

	private final @Nullable Column meta;

	private long rows;

	/**
	 * Check that NumPy can hold these fields.
	 * @param fields the written fields
	 * @throws InvalidSchemaException if one cannot be written as NumPy
	 */
	public static void check(List<FieldSchema> fields) {
		for (FieldSchema field : fields) {
			if (!SUPPORTED.contains(field.type())) {
				throw new InvalidSchemaException("Field '" + field.name() + "' is " + field.type()
						+ ", which this writer does not write as NumPy; use PARQUET or JSON", null);
			}
			if (field.isOptional()) {
				throw new InvalidSchemaException("Field '" + field.name() + "' is nullable or has a default value;"
						+ " NumPy files cannot hold nulls, use PARQUET or JSON", null);
			}
		}
	}

	/**
	 * Start a batch directory.
	 * @param directory the batch directory to create
	 * @param fields the written fields
	 * @param dynamic whether to write {@code $meta.npy}
	 * @throws IOException if the files cannot be created
	 */
	public NumpyRows(Path directory, List<FieldSchema> fields, boolean dynamic) throws IOException {
		check(fields);
		Files.createDirectories(directory);
		for (FieldSchema field : fields) {
			Path file = directory.resolve(field.name() + ".npy");
			this.columns.add(switch (field.type()) {
				case VARCHAR, JSON -> new StringColumn(file);
				case INT8 -> new NumberColumn(file, "|i1", "", 1);
				case INT16 -> new NumberColumn(file, "<i2", "", 2);
				case INT32 -> new NumberColumn(file, "<i4", "", 4);
				case INT64 -> new NumberColumn(file, "<i8", "", 8);
				case FLOAT -> new NumberColumn(file, "<f4", "", 4);
				case DOUBLE -> new NumberColumn(file, "<f8", "", 8);
				case BOOL -> new NumberColumn(file, "|b1", "", 1);
				case FLOAT_VECTOR -> new NumberColumn(file, "<f4", ", " + field.dimension(), 4 * field.dimension());
				case BINARY_VECTOR -> new NumberColumn(file, "|u1", ", " + field.dimension() / 8, field.dimension() / 8);
				default -> throw new IllegalStateException("checked above: " + field.type());
			});
		}
		this.meta = dynamic ? new StringColumn(directory.resolve(ParquetFormatWriter.META + ".npy")) : null;
	}

	@Override
	public void write(ValidRow row) throws IOException {
		@Nullable Object[] values = row.values();
		for (int i = 0; i < values.length; i++) {
			this.columns.get(i).write(Objects.requireNonNull(values[i], "checked: no nulls"));
		}
		if (this.meta != null) {
			this.meta.write(Objects.requireNonNullElse(row.meta(), "{}"));
		}
		this.rows++;
	}

	@Override
	public long size() {
		long size = 0;
		for (Column column : this.columns) {
			size += column.size();
		}
		return size + ((this.meta != null) ? this.meta.size() : 0);
	}

	@Override
	public void close() throws IOException {
		for (Column column : this.columns) {
			column.close(this.rows);
		}
		if (this.meta != null) {
			this.meta.close(this.rows);
		}
	}

	/** The NumPy 1.0 header, padded to a fixed length so that it can be written after the data. */
	static byte[] header(String descr, long rows, String tail) {
		String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + rows
				+ (tail.isEmpty() ? "," : tail) + "), }";
		int length = HEADER_LENGTH - 10;
		if (dict.length() + 1 > length) {
			throw new IllegalStateException("NumPy header too long: " + dict);
		}
		StringBuilder padded = new StringBuilder(dict);
		while (padded.length() < length - 1) {
			padded.append(' ');
		}
		padded.append('\n');
		ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
		header.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
		header.putShort((short) length);
		header.put(padded.toString().getBytes(StandardCharsets.US_ASCII));
		return header.array();
	}

	private interface Column {

		void write(Object value) throws IOException;

		long size();

		void close(long rows) throws IOException;

	}

	private static final class NumberColumn implements Column {

		private final Path file;

		private final String descr;

		private final String tail;

		private final CountingOutputStream out;

		private final ByteBuffer element;

		NumberColumn(Path file, String descr, String tail, int elementBytes) throws IOException {
			this.file = file;
			this.descr = descr;
			this.tail = tail;
			this.out = new CountingOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
			this.out.write(new byte[HEADER_LENGTH]);
			this.element = ByteBuffer.allocate(elementBytes).order(ByteOrder.LITTLE_ENDIAN);
		}

		@Override
		public void write(Object value) throws IOException {
			ByteBuffer buffer = this.element;
			buffer.clear();
			switch (this.descr) {
				case "|i1" -> buffer.put(((Long) value).byteValue());
				case "<i2" -> buffer.putShort(((Long) value).shortValue());
				case "<i4" -> buffer.putInt(((Long) value).intValue());
				case "<i8" -> buffer.putLong((Long) value);
				case "<f8" -> buffer.putDouble((Double) value);
				case "|b1" -> buffer.put((byte) (((Boolean) value) ? 1 : 0));
				case "|u1" -> buffer.put((byte[]) value);
				case "<f4" -> {
					if (value instanceof float[] vector) {
						for (float f : vector) {
							buffer.putFloat(f);
						}
					}
					else {
						buffer.putFloat((Float) value);
					}
				}
				default -> throw new IllegalStateException(this.descr);
			}
			this.out.write(buffer.array(), 0, buffer.position());
		}

		@Override
		public long size() {
			return this.out.count();
		}

		@Override
		public void close(long rows) throws IOException {
			this.out.close();
			try (FileChannel channel = FileChannel.open(this.file, StandardOpenOption.WRITE)) {
				channel.write(ByteBuffer.wrap(header(this.descr, rows, this.tail)), 0);
			}
		}

	}

	private static final class StringColumn implements Column {

		private final Path file;

		private final Path spool;

		private final DataOutputStream out;

		private final CountingOutputStream counter;

		private int widest = 1;

		private long chars;

		StringColumn(Path file) throws IOException {
			this.file = file;
			this.spool = file.resolveSibling(file.getFileName() + ".spool");
			this.counter = new CountingOutputStream(Files.newOutputStream(this.spool));
			this.out = new DataOutputStream(new BufferedOutputStream(this.counter, 64 * 1024));
		}

		@Override
		public void write(Object value) throws IOException {
			String text = (String) value;
			int codePoints = text.codePointCount(0, text.length());
			this.widest = Math.max(this.widest, codePoints);
			this.chars += codePoints;
			byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
			this.out.writeInt(utf8.length);
			this.out.write(utf8);
		}

		@Override
		public long size() {
			// The final file holds every value at the widest width; estimate with the average so far.
			return HEADER_LENGTH + this.chars * 4;
		}

		@Override
		public void close(long rows) throws IOException {
			this.out.close();
			int width = this.widest;
			try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(this.spool),
					64 * 1024)); OutputStream npy = new BufferedOutputStream(Files.newOutputStream(this.file), 64 * 1024)) {
				npy.write(header("<U" + width, rows, ""));
				ByteBuffer element = ByteBuffer.allocate(width * 4).order(ByteOrder.LITTLE_ENDIAN);
				for (long i = 0; i < rows; i++) {
					byte[] utf8 = new byte[in.readInt()];
					in.readFully(utf8);
					String text = new String(utf8, StandardCharsets.UTF_8);
					element.clear();
					text.codePoints().forEach(element::putInt);
					while (element.hasRemaining()) {
						element.putInt(0);
					}
					npy.write(element.array());
				}
			}
			Files.delete(this.spool);
		}

	}

}
