package dev.stagekit.emulator.internal.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.stagekit.emulator.StoredObject;
import dev.stagekit.emulator.internal.collection.CollectionSchema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the files of an import against a collection's schema, as Milvus's import reads them, and counts their
 * rows. Files are streamed from the data plane; a NumPy batch (the {@code .npy} files of one folder) is checked
 * as one unit.
 */
public final class ImportChecker {

	/** The file extensions an import accepts. */
	public static final List<String> EXTENSIONS = List.of(".parquet", ".json", ".jsonl", ".csv", ".npy");

	private final Function<String, InputStream> open;

	private final JsonMapper mapper;

	private @Nullable JsonRows json;

	private @Nullable CsvRows csv;

	private @Nullable ParquetRows parquet;

	/**
	 * @param open streams a stored object's bytes by key
	 * @param mapper reads JSON
	 */
	public ImportChecker(Function<String, InputStream> open, JsonMapper mapper) {
		this.open = open;
		this.mapper = mapper;
	}

	// The readers (and the Parquet and CSV libraries behind them) load on first use, not at startup.

	private synchronized JsonRows json() {
		if (this.json == null) {
			this.json = new JsonRows(this.mapper);
		}
		return this.json;
	}

	private synchronized CsvRows csv() {
		if (this.csv == null) {
			this.csv = new CsvRows(this.mapper);
		}
		return this.csv;
	}

	private synchronized ParquetRows parquet() {
		if (this.parquet == null) {
			this.parquet = new ParquetRows(this.mapper);
		}
		return this.parquet;
	}

	/**
	 * One unit of an import: a file, or the {@code .npy} files of one folder.
	 *
	 * @param name the file's (or folder's) path as the job reports it
	 * @param objects its stored objects
	 */
	public record Source(String name, List<StoredObject> objects) {

		public long size() {
			return this.objects.stream().mapToLong(StoredObject::size).sum();
		}

	}

	/** A file's lowercase extension, for example {@code .parquet}, or "" without one. */
	public static String extension(String key) {
		String name = key.substring(key.lastIndexOf('/') + 1);
		int dot = name.lastIndexOf('.');
		return (dot >= 0) ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
	}

	/**
	 * Groups stored objects into sources: each file alone, except {@code .npy} files, grouped by folder.
	 * {@code relative} turns a key into the path a job reports.
	 */
	public static List<Source> group(List<StoredObject> objects, Function<String, String> relative) {
		List<Source> sources = new ArrayList<>();
		Map<String, List<StoredObject>> folders = new LinkedHashMap<>();
		for (StoredObject object : objects) {
			if (extension(object.key()).equals(".npy")) {
				String folder = relative.apply(object.key().substring(0, object.key().lastIndexOf('/') + 1));
				folders.computeIfAbsent(folder, (key) -> new ArrayList<>()).add(object);
			}
			else {
				sources.add(new Source(relative.apply(object.key()), List.of(object)));
			}
		}
		folders.forEach((folder, files) -> sources.add(new Source(folder, List.copyOf(files))));
		return sources;
	}

	/** The top-level column names of a stored Parquet file, or {@link ImportFailure} when it is not one. */
	public List<String> parquetColumns(String key) {
		try (InputStream in = this.open.apply(key)) {
			return parquet().columns(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Checks one source against {@code schema}; answers its row count or throws {@link ImportFailure}. */
	public long check(CollectionSchema schema, Source source) {
		String key = source.objects().get(0).key();
		String extension = extension(key);
		if (extension.equals(".npy")) {
			return NumpyFolder.check(source.name(), schema, source.objects(), this.open, this.mapper);
		}
		try (InputStream in = this.open.apply(key)) {
			return switch (extension) {
				case ".parquet" -> parquet().check(source.name(), schema, in);
				case ".json" -> json().checkJson(source.name(), schema, in);
				case ".jsonl" -> json().checkJsonLines(source.name(), schema, in);
				case ".csv" -> csv().check(source.name(), schema, in);
				default -> throw new ImportFailure("unsupported file type '" + source.name()
						+ "': expected .parquet, .json, .jsonl, .csv or .npy");
			};
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
