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

	private final JsonRows json;

	private final CsvRows csv;

	private final ParquetRows parquet;

	/**
	 * @param open streams a stored object's bytes by key
	 * @param mapper reads JSON
	 */
	public ImportChecker(Function<String, InputStream> open, JsonMapper mapper) {
		this.open = open;
		this.json = new JsonRows(mapper);
		this.csv = new CsvRows(mapper);
		this.parquet = new ParquetRows(mapper);
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
			return this.parquet.columns(in);
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
			return NumpyFolder.check(source.name(), schema, source.objects(), this.open);
		}
		try (InputStream in = this.open.apply(key)) {
			return switch (extension) {
				case ".parquet" -> this.parquet.check(source.name(), schema, in);
				case ".json" -> this.json.checkJson(source.name(), schema, in);
				case ".jsonl" -> this.json.checkJsonLines(source.name(), schema, in);
				case ".csv" -> this.csv.check(source.name(), schema, in);
				default -> throw new ImportFailure("unsupported file type '" + source.name()
						+ "': expected .parquet, .json, .jsonl, .csv or .npy");
			};
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
