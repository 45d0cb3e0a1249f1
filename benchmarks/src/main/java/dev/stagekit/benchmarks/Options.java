package dev.stagekit.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line options of the benchmark program. */
final class Options {

	static final String HELP = """
			java -jar benchmarks/target/benchmarks.jar [options]

			Upload throughput and client CPU of stagekit next to the official Java SDK's storage layer (minio-java,
			driven the way its VolumeFileManager drives it) and the raw AWS SDK v2 S3AsyncClient, on loopback against
			one emulator in a child JVM, over TLS (its HTTPS data plane, its CA trusted by every client). The report
			(Markdown) goes to stdout, progress to stderr.

			  --quick                smoke run: 2 runs, smaller sizes (overridden by any option given after it)
			  --plain-http           use the emulator's plain-HTTP data plane instead of TLS
			  --small-count=N        files in the small workload (default 500)
			  --many-count=N         files in the many-files workload (default 5000)
			  --small-kib=N          size of each small file, KiB (default 64)
			  --large-mib=N          the single large file, MiB (default 256)
			  --mixed-large-mib=N    the large file of the mixed tree, MiB (default 256)
			  --mixed-count=N        small files of the mixed tree, in nested dirs (default 500)
			  --runs=N               measured runs per figure, after 1 warm-up (default 5)
			  --workloads=a,b        only these of small, many, large, mixed (default all)
			  --no-prototypes        skip the experimental raw-SDK variants
			  --clients=a,b          only these clients, in this order: ours, ours-5x1, minio, raw, raw-crc-header,
			                         raw-crc-header-openssl (default all)
			  --memory-mib=A,B       file sizes for the memory children, MiB (default 256,2048)
			  --child-heap=SIZE      -Xmx of the memory children (default 256m)
			  --skip-memory          skip the memory children
			  --profile              instead of the throughput run: record a JFR profile of every client on the
			                         small workload and print the top frames, grouped by package
			  --profile-uploads=N    uploads of the small workload per client while profiling (default 8)
			  --dir=PATH             where to put the generated data and the emulator store (default: temp dir)
			  --bulk-writer [...]    instead: the bulk writer benchmark (--rows, --runs, --heap-rows, --child-heap, --dir)
			  --help                 this text
			""";

	boolean quick;

	boolean plainHttp;

	int smallCount = 500;

	int manyCount = 5000;

	int smallKib = 64;

	int largeMib = 256;

	int mixedLargeMib = 256;

	int mixedCount = 500;

	int runs = 5;

	List<String> workloads = List.of("small", "many", "large", "mixed");

	boolean prototypes = true;

	List<String> clients = List.of();

	List<Integer> memoryMib = List.of(256, 2048);

	String childHeap = "256m";

	boolean skipMemory;

	boolean profile;

	int profileUploads = 8;

	boolean help;

	Path dir;

	// The hidden --memory-child mode.

	int memoryChild;

	Path childFile;

	Path childReadyFile;

	String childVolume;

	static Options parse(String[] args) {
		Options o = new Options();
		for (String arg : args) {
			int eq = arg.indexOf('=');
			String name = (eq < 0) ? arg : arg.substring(0, eq);
			String value = (eq < 0) ? "" : arg.substring(eq + 1);
			switch (name) {
				case "--quick" -> o.quick();
				case "--plain-http" -> o.plainHttp = true;
				case "--small-count" -> o.smallCount = positive(name, value);
				case "--many-count" -> o.manyCount = positive(name, value);
				case "--small-kib" -> o.smallKib = positive(name, value);
				case "--large-mib" -> o.largeMib = positive(name, value);
				case "--mixed-large-mib" -> o.mixedLargeMib = positive(name, value);
				case "--mixed-count" -> o.mixedCount = positive(name, value);
				case "--runs" -> o.runs = positive(name, value);
				case "--workloads" -> o.workloads = workloads(name, value);
				case "--no-prototypes" -> o.prototypes = false;
				case "--clients" -> o.clients = List.of(value.split(","));
				case "--memory-mib" -> o.memoryMib = list(name, value);
				case "--child-heap" -> o.childHeap = value;
				case "--skip-memory" -> o.skipMemory = true;
				case "--profile" -> o.profile = true;
				case "--profile-uploads" -> o.profileUploads = positive(name, value);
				case "--dir" -> o.dir = Path.of(value);
				case "--help", "-h" -> o.help = true;
				case "--memory-child" -> o.memoryChild = positive(name, value);
				case "--child-file" -> o.childFile = Path.of(value);
				case "--child-ready-file" -> o.childReadyFile = Path.of(value);
				case "--child-volume" -> o.childVolume = value;
				default -> throw new IllegalArgumentException("unknown option " + arg + " (see --help)");
			}
		}
		return o;
	}

	private void quick() {
		this.quick = true;
		this.runs = 2;
		this.manyCount = 1000;
		this.largeMib = 64;
		this.mixedLargeMib = 64;
		this.mixedCount = 200;
		this.memoryMib = List.of(256, 512);
		this.profileUploads = 4;
	}

	private static int positive(String name, String value) {
		try {
			int parsed = Integer.parseInt(value.replace("_", "").replace(",", ""));
			if (parsed > 0) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// fall through
		}
		throw new IllegalArgumentException(name + " needs a positive number, was '" + value + "'");
	}

	private static List<Integer> list(String name, String value) {
		List<Integer> values = new ArrayList<>();
		for (String part : value.split(",")) {
			values.add(positive(name, part.trim()));
		}
		return List.copyOf(values);
	}

	private static List<String> workloads(String name, String value) {
		List<String> values = new ArrayList<>();
		for (String part : value.split(",")) {
			String workload = part.trim();
			if (!List.of("small", "many", "large", "mixed").contains(workload)) {
				throw new IllegalArgumentException(name + ": unknown workload '" + workload
						+ "' (small, many, large, mixed)");
			}
			values.add(workload);
		}
		return List.copyOf(values);
	}

}
