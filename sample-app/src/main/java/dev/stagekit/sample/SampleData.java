package dev.stagekit.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Generates sample data files: JSON ({@code {"rows": [...]}}) and CSV rows, each with an id, a title and an
 * 8-dimensional vector; one large JSON file shows a multipart upload and a moving progress bar.
 */
final class SampleData {

	static final int DIMENSION = 8;

	private SampleData() {
	}

	/**
	 * Write the files.
	 * @param directory where to write them
	 * @param megabytes roughly how much data in total
	 * @return the directory
	 */
	static Path generate(Path directory, int megabytes) {
		try {
			Files.createDirectories(directory.resolve("csv"));
			Random random = new Random(42);
			long id = 0;
			id = writeJson(directory.resolve("rows-large.json"), id, Math.max(1, megabytes - 4) * 1024L * 1024L, random);
			for (int i = 1; i <= 4; i++) {
				id = writeJson(directory.resolve("rows-" + i + ".json"), id, 256 * 1024, random);
				id = writeCsv(directory.resolve("csv/rows-" + i + ".csv"), id, 256 * 1024, random);
			}
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long writeJson(Path file, long firstId, long bytes, Random random) throws IOException {
		long id = firstId;
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write("{\"rows\": [\n");
			long written = 0;
			boolean first = true;
			while (written < bytes) {
				String row = "{\"id\": " + id++ + ", \"title\": \"document " + id + "\", \"vector\": " + vector(random)
						+ "}";
				out.write(first ? row : ",\n" + row);
				first = false;
				written += row.length() + 2;
			}
			out.write("\n]}\n");
		}
		return id;
	}

	private static long writeCsv(Path file, long firstId, long bytes, Random random) throws IOException {
		long id = firstId;
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write("id,title,vector\n");
			long written = 0;
			while (written < bytes) {
				String row = id++ + ",document " + id + ",\"" + vector(random) + "\"\n";
				out.write(row);
				written += row.length();
			}
		}
		return id;
	}

	private static String vector(Random random) {
		StringBuilder vector = new StringBuilder("[");
		for (int i = 0; i < DIMENSION; i++) {
			vector.append((i > 0) ? ", " : "").append(String.format(Locale.ROOT, "%.4f", random.nextFloat()));
		}
		return vector.append(']').toString();
	}

}
