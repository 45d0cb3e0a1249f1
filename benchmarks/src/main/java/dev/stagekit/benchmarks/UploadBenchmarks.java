package dev.stagekit.benchmarks;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.TrustManager;

import dev.stagekit.benchmarks.EmulatorProcess.Apply;
import dev.stagekit.benchmarks.EmulatorProcess.Ready;
import dev.stagekit.benchmarks.RawSdkUploader.Variant;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.upload.UploadSettings;
import dev.stagekit.emulator.cli.EmulatorMain;

/**
 * Upload throughput and client CPU of stagekit next to the official Java SDK's storage layer (minio-java) and the raw
 * AWS SDK v2 {@code S3AsyncClient}, over TLS against one emulator in a child JVM; plus memory children and, with
 * {@code --profile}, a JFR profile of every client. Not a test: run
 * {@code java -jar benchmarks/target/benchmarks.jar --help}.
 */
public final class UploadBenchmarks {

	private final Options options;

	private UploadBenchmarks(Options options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("--planning")) {
			dev.stagekit.client.upload.internal.PlanningBenchmark.run(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		if (args.length > 0 && args[0].equals("--emulator")) {
			EmulatorMain.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		if (args.length > 0 && args[0].equals("--bulk-writer")) {
			BulkWriterBenchmarks.main(Arrays.copyOfRange(args, 1, args.length));
			System.exit(0);
		}
		Options options = Options.parse(args);
		if (options.help) {
			System.out.println(Options.HELP);
			return;
		}
		if (options.memoryChild > 0) {
			MemoryChild.run(options);
			return;
		}
		new UploadBenchmarks(options).run(args);
		// The AWS SDK's and OkHttp's idle threads would otherwise keep the JVM alive a while.
		System.exit(0);
	}

	private void run(String[] args) throws Exception {
		Path root = (this.options.dir != null) ? Files.createTempDirectory(this.options.dir, "stagekit-bench-")
				: Files.createTempDirectory("stagekit-bench-");
		log("data and emulator store under " + root);
		try {
			if (this.options.profile) {
				Profile.run(this.options, root, args);
			}
			else {
				runIn(root, args);
			}
		}
		finally {
			Workload.deleteTree(root);
			log("deleted " + root);
		}
	}

	private void runIn(Path root, String[] args) throws Exception {
		Options o = this.options;
		List<Workload> workloads = generate(o, root);
		List<Row> rows = new ArrayList<>();
		Map<String, List<Long>> applies = new LinkedHashMap<>();
		List<MemoryChild.Result> memory = new ArrayList<>();
		WireProbe wire = new WireProbe();
		Map<String, String> labels = new LinkedHashMap<>();
		try (EmulatorProcess emulator = EmulatorProcess.start(root, o.plainHttp)) {
			Clients clients = Clients.create(emulator, o.plainHttp, o.prototypes).only(o.clients);
			try {
				clients.uploaders.forEach((uploader) -> labels.put(uploader.id(), uploader.label()));
				probeWire(emulator, clients, wire, root);
				for (Workload workload : workloads) {
					rows.addAll(measure(emulator, clients.forWorkload(workload), workload, applies));
				}
			}
			finally {
				clients.close();
			}
			if (!o.skipMemory) {
				for (int sizeMib : o.memoryMib) {
					memory.add(MemoryChild.measure(root, emulator, root.resolve("emulator-ready.json"), clients.volume,
							sizeMib, o.childHeap));
				}
			}
		}
		for (Workload workload : workloads) {
			Workload.deleteTree(workload.dir);
		}
		System.out.print(Report.print(o, args, workloads, rows.stream().map(Row::report).toList(), applies, memory,
				wire, labels));
		System.out.flush();
	}

	static List<Workload> generate(Options o, Path root) {
		long t0 = System.nanoTime();
		List<Workload> workloads = new ArrayList<>();
		for (String name : o.workloads) {
			workloads.add(switch (name) {
				case "small" -> Workload.small("small", root.resolve("small"), o.smallCount, o.smallKib);
				case "many" -> Workload.small("many", root.resolve("many"), o.manyCount, o.smallKib);
				case "large" -> Workload.large(root.resolve("large"), o.largeMib);
				default -> Workload.mixed(root.resolve("mixed"), o.mixedLargeMib, o.mixedCount, o.smallKib);
			});
		}
		log(String.format(Locale.ROOT, "generated %s in %.1f s", workloads.stream()
			.map((w) -> w.description + " (" + Workload.size(w.bytes) + ")")
			.toList(), seconds(System.nanoTime() - t0)));
		return workloads;
	}

	/** Every client uploads the same file once, on its own instance with a header-capturing interceptor. */
	private static void probeWire(EmulatorProcess emulator, Clients clients, WireProbe wire, Path root)
			throws Exception {
		Workload one = Workload.small("probe", root.resolve("probe"), 1, 64);
		List<Uploader> probes = clients.probes(wire);
		try {
			for (Uploader probe : probes) {
				probe.upload(one, "wire/" + probe.id() + "/");
			}
		}
		finally {
			probes.forEach(Uploader::close);
			Workload.deleteTree(one.dir);
		}
	}

	/** One measured upload. */
	private record Sample(double mibPerSecond, double cpuSeconds) {
	}

	/** The samples of one client on one workload. */
	private record Row(Workload workload, Uploader uploader, List<Sample> samples, Map<String, Long> requests) {

		Report.Row report() {
			return new Report.Row(this.workload, this.uploader.id(), this.uploader.label(), this.uploader.concurrency(),
					this.uploader.prototype(), Report.Stats.of(this.samples.stream().map(Sample::mibPerSecond).toList()),
					Report.Stats.of(this.samples.stream().map(Sample::cpuSeconds).toList()), this.requests);
		}

	}

	private List<Row> measure(EmulatorProcess emulator, List<Uploader> uploaders, Workload workload,
			Map<String, List<Long>> applies) throws Exception {
		Map<Uploader, Row> rows = new LinkedHashMap<>();
		for (Uploader uploader : uploaders) {
			rows.put(uploader, new Row(workload, uploader, new ArrayList<>(), new LinkedHashMap<>()));
		}
		log("measuring " + workload.description + " (" + this.options.runs + " runs after 1 warm-up)");
		for (int run = -1; run < this.options.runs; run++) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < uploaders.size(); i++) {
				// Rotate the order so that no client always runs first (or right after the heaviest).
				Uploader uploader = uploaders.get(Math.floorMod(i + run + 1, uploaders.size()));
				boolean count = uploader.appliesPerUpload() || run == 0;
				if (count) {
					emulator.resetRequestCounts();
				}
				String target = uploader.id() + "/" + workload.name + "/";
				long cpu = Jvm.processCpuNanos();
				long start = System.nanoTime();
				uploader.upload(workload, target);
				long elapsed = System.nanoTime() - start;
				cpu = Jvm.processCpuNanos() - cpu;
				if (count) {
					Map<String, Long> counts = emulator.requestCounts();
					if (uploader.appliesPerUpload()) {
						applies.computeIfAbsent(uploader.id(), (id) -> new ArrayList<>())
							.add(counts.getOrDefault(EmulatorProcess.APPLY, 0L));
					}
					if (run == 0) {
						rows.get(uploader).requests().putAll(counts);
					}
				}
				Sample sample = new Sample(mibPerSecond(workload.bytes, elapsed), cpu / 1e9);
				if (run >= 0) {
					rows.get(uploader).samples().add(sample);
				}
				line.append(String.format(Locale.ROOT, " %s %.1f MiB/s %.2f s CPU;", uploader.id(), sample.mibPerSecond(),
						sample.cpuSeconds()));
			}
			log("  " + workload.name + " run " + ((run < 0) ? "warm-up" : String.valueOf(run + 1)) + ":" + line);
		}
		return new ArrayList<>(rows.values());
	}

	/** The clients under test, built once and shared by every workload (minio-java builds its own per upload). */
	static final class Clients implements AutoCloseable {

		final String volume;

		final List<Uploader> uploaders = new ArrayList<>();

		private final ZillizCloudClients zilliz;

		private final EmulatorProcess emulator;

		private final TrustManager[] trust;

		private final boolean tls;

		private final Apply rawApply;

		private Clients(EmulatorProcess emulator, boolean tls, String volume, ZillizCloudClients zilliz) {
			this.emulator = emulator;
			this.tls = tls;
			this.volume = volume;
			this.zilliz = zilliz;
			this.trust = emulator.trustManagers();
			this.rawApply = emulator.apply(volume, "");
		}

		static Clients create(EmulatorProcess emulator, boolean plainHttp, boolean prototypes) {
			ZillizCloudClients zilliz = clients(emulator.ready());
			String volume = "bench_" + Long.toHexString(System.nanoTime());
			zilliz.volumes().create(CreateVolumeRequest.builder(volume).build());
			Clients clients = new Clients(emulator, !plainHttp, volume, zilliz);
			clients.uploaders.addAll(clients.build(null, prototypes));
			return clients;
		}

		/** Keep only these clients, in this order (all when empty). */
		Clients only(List<String> ids) {
			if (ids.isEmpty()) {
				return this;
			}
			List<Uploader> kept = new ArrayList<>();
			for (String id : ids) {
				Uploader uploader = this.uploaders.stream().filter((u) -> u.id().equals(id.trim())).findFirst()
					.orElseThrow(() -> new IllegalArgumentException("--clients: unknown client '" + id + "'"));
				kept.add(uploader);
			}
			this.uploaders.stream().filter((u) -> !kept.contains(u)).forEach(Uploader::close);
			this.uploaders.clear();
			this.uploaders.addAll(kept);
			return this;
		}

		/** Ours at its defaults, ours at the official client's concurrency, the official client, the raw SDK. */
		private List<Uploader> build(WireProbe wire, boolean prototypes) {
			List<Uploader> list = new ArrayList<>();
			UploadSettings defaults = UploadSettings.DEFAULTS;
			UploadSettings equal = defaults.toBuilder().fileConcurrency(MinioUploader.FILES_AT_ONCE).partConcurrency(1)
				.build();
			list.add(new StagekitUploader("ours", "ours (stagekit) at its defaults", this.zilliz, this.volume, defaults,
					this.trust, (wire != null) ? (s3) -> s3.overrideConfiguration(
							(override) -> override.addExecutionInterceptor(wire.sdk("ours"))) : null));
			if (wire == null) {
				list.add(new StagekitUploader("ours-5x1", "ours at the official client's concurrency", this.zilliz,
						this.volume, equal, this.trust, null));
			}
			list.add(new MinioUploader(this.emulator, this.volume, this.tls,
					(wire != null) ? (http) -> wire.okHttp("minio", http) : null));
			list.add(new RawSdkUploader(Variant.DEFAULT, defaults.fileConcurrency(), defaults.maxConnections(),
					this.rawApply, this.trust, (wire != null) ? wire.sdk("raw") : null));
			if (prototypes) {
				for (Variant variant : List.of(Variant.PRECOMPUTED_CRC32C, Variant.PRECOMPUTED_CRC32C_OPENSSL)) {
					list.add(new RawSdkUploader(variant, defaults.fileConcurrency(), defaults.maxConnections(),
							this.rawApply, this.trust, (wire != null) ? wire.sdk(RawSdkUploader.id(variant)) : null));
				}
			}
			return list;
		}

		List<Uploader> probes(WireProbe wire) {
			return build(wire, true);
		}

		/** The prototype only where it differs from the raw SDK: files of at most 8 MiB. */
		List<Uploader> forWorkload(Workload workload) {
			return this.uploaders.stream()
				.filter((uploader) -> !uploader.prototype() || !workload.name.equals("large"))
				.toList();
		}

		@Override
		public void close() {
			this.uploaders.forEach(Uploader::close);
		}

	}

	// ---------------------------------------------------------------------------------------------------------
	// Helpers
	// ---------------------------------------------------------------------------------------------------------

	static ZillizCloudClients clients(Ready ready) {
		return ZillizCloudClients.create(ZillizCloudClientSettings.builder()
			.endpoint(URI.create(ready.controlPlaneUrl()))
			.apiKey(ready.apiKey())
			.projectId(ready.projectId())
			.regionId(ready.regionId())
			.clusterId(ready.clusterId())
			.build());
	}

	static double mibPerSecond(long bytes, long nanos) {
		return (bytes / (double) Workload.MIB) / seconds(nanos);
	}

	static double seconds(long nanos) {
		return nanos / 1e9;
	}

	static void log(String message) {
		System.err.println("[bench] " + message);
	}

}
