package dev.stagekit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/** A directory of generated files that every client uploads in turn. */
final class Workload {

	static final long KIB = 1024;

	static final long MIB = 1024 * KIB;

	final String name;

	final String description;

	final Path dir;

	final List<Path> files;

	final Map<Path, Long> sizes = new LinkedHashMap<>();

	final long bytes;

	private Workload(String name, String description, Path dir, List<Path> files) {
		this.name = name;
		this.description = description;
		this.dir = dir;
		this.files = List.copyOf(files);
		long total = 0;
		for (Path file : files) {
			try {
				long size = Files.size(file);
				this.sizes.put(file, size);
				total += size;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		this.bytes = total;
	}

	static Workload large(Path dir, int mib) {
		Path file = dir.resolve("large.bin");
		writeRandom(file, mib * MIB);
		return new Workload("large", "1 × " + size(mib * MIB), dir, List.of(file));
	}

	static Workload small(String name, Path dir, int count, int kib) {
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			files.add(writeRandom(dir.resolve(String.format(Locale.ROOT, "part-%05d.bin", i)), kib * KIB));
		}
		return new Workload(name, String.format(Locale.ROOT, "%,d × %s", count, size(kib * KIB)), dir, files);
	}

	static Workload mixed(Path dir, int largeMib, int count, int kib) {
		List<Path> files = new ArrayList<>();
		files.add(writeRandom(dir.resolve("big/large.bin"), largeMib * MIB));
		for (int i = 0; i < count; i++) {
			files.add(writeRandom(dir.resolve(String.format(Locale.ROOT, "d%d/e%d/part-%05d.bin", i % 10,
					(i / 10) % 5, i)), kib * KIB));
		}
		return new Workload("mixed", String.format(Locale.ROOT, "tree: %s + %,d × %s", size(largeMib * MIB), count,
				size(kib * KIB)), dir, files);
	}

	String relative(Path file) {
		return this.dir.relativize(file).toString().replace('\\', '/');
	}

	long size(Path file) {
		return this.sizes.get(file);
	}

	static Path writeRandom(Path file, long size) {
		try {
			Files.createDirectories(file.getParent());
			byte[] chunk = new byte[(int) Math.min(MIB, Math.max(size, 1))];
			ThreadLocalRandom random = ThreadLocalRandom.current();
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
					StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
				long left = size;
				while (left > 0) {
					random.nextBytes(chunk);
					ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, (int) Math.min(chunk.length, left));
					while (buffer.hasRemaining()) {
						left -= channel.write(buffer);
					}
				}
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void deleteTree(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ex) {
					UploadBenchmarks.log("could not delete " + path + ": " + ex);
				}
			});
		}
		catch (IOException ex) {
			UploadBenchmarks.log("could not delete " + root + ": " + ex);
		}
	}

	static String size(long bytes) {
		if (bytes >= 1024 * MIB && bytes % (1024 * MIB) == 0) {
			return (bytes / (1024 * MIB)) + " GiB";
		}
		if (bytes >= MIB) {
			return String.format(Locale.ROOT, "%.0f MiB", bytes / (double) MIB);
		}
		return (bytes / KIB) + " KiB";
	}

}
