package dev.stagekit.bulkwriter.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.stagekit.bulkwriter.DataType;
import dev.stagekit.bulkwriter.FieldSchema;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * Writes CSV as Milvus imports it: a header of field names, then one line per row (RFC 4180 quoting);
 * vectors, arrays, sparse vectors and JSON as JSON text, {@code $meta} as a JSON object column, a null
 * optional value as an empty cell (Milvus' default null key).
 */
public final class CsvRows implements FormatWriter {

	private final CountingOutputStream counter;

	private final Writer writer;

	private final List<FieldSchema> fields;

	private final boolean dynamic;

	private final StringWriter scratch = new StringWriter();

	private long size;

	/**
	 * Open a file and write the header.
	 * @param file the file to create
	 * @param fields the written fields
	 * @param dynamic whether to write the {@code $meta} column
	 * @throws IOException if the file cannot be written
	 */
	public CsvRows(Path file, List<FieldSchema> fields, boolean dynamic) throws IOException {
		this.counter = new CountingOutputStream(Files.newOutputStream(file));
		this.writer = new BufferedWriter(new OutputStreamWriter(this.counter, StandardCharsets.UTF_8), 64 * 1024);
		this.fields = fields;
		this.dynamic = dynamic;
		StringBuilder header = new StringBuilder();
		for (FieldSchema field : fields) {
			cell(header, field.name(), header.isEmpty());
		}
		if (dynamic) {
			cell(header, ParquetFormatWriter.META, fields.isEmpty());
		}
		line(header);
	}

	@Override
	public void write(ValidRow row) throws IOException {
		StringBuilder line = new StringBuilder(256);
		@Nullable Object[] values = row.values();
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			FieldSchema field = this.fields.get(i);
			cell(line, (value != null) ? text(field, value) : "", i == 0);
		}
		if (this.dynamic) {
			cell(line, String.valueOf(row.meta()), values.length == 0);
		}
		line(line);
	}

	private String text(FieldSchema field, Object value) {
		DataType type = field.type();
		return switch (type) {
			case VARCHAR, JSON -> (String) value;
			case INT8, INT16, INT32, INT64, FLOAT, DOUBLE, BOOL -> String.valueOf(value);
			case SPARSE_FLOAT_VECTOR -> JsonRows.sparseJson((ValidRow.SparseVector) value);
			default -> {
				this.scratch.getBuffer().setLength(0);
				try (JsonGenerator json = RowValidator.MAPPER.createGenerator(this.scratch)) {
					JsonRows.value(json, type, field.elementType(), value);
				}
				yield this.scratch.toString();
			}
		};
	}

	private static void cell(StringBuilder line, String value, boolean first) {
		if (!first) {
			line.append(',');
		}
		boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
				|| value.indexOf('\r') >= 0;
		if (!quote) {
			line.append(value);
			return;
		}
		line.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"') {
				line.append('"');
			}
			line.append(c);
		}
		line.append('"');
	}

	private void line(StringBuilder line) throws IOException {
		this.writer.append(line).append('\n');
		// Characters, not bytes: close enough to roll files (exact for ASCII, under for other text).
		this.size += line.length() + 1;
	}

	@Override
	public long size() {
		return Math.max(this.size, this.counter.count());
	}

	@Override
	public void close() throws IOException {
		this.writer.close();
	}

}
