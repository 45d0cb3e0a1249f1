package dev.stagekit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.stagekit.client.Kind;
import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.internal.ApplyResult;
import dev.stagekit.client.internal.ControlPlane;
import dev.stagekit.client.upload.FileManagers;
import dev.stagekit.client.upload.UploadResult;
import dev.stagekit.client.upload.UploadSettings;
import dev.stagekit.client.upload.VolumeFileManager;
import dev.stagekit.emulator.ZillizCloudEmulator;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Upload throughput and memory of stagekit's upload engine, next to the raw AWS SDK v2 {@link S3AsyncClient}
 * (the ceiling) and a plain read of the same bytes from disk, all on loopback against one in-process emulator
 * with a plain-HTTP data plane. Not a test: run {@code java -jar benchmarks/target/benchmarks.jar --help}.
 */
public final class UploadBenchmarks {

	private static final long KIB = 1024;

	private static final long MIB = 1024 * KIB;

	/** The SDK multipart client's default threshold: smaller files go in one PutObject. */
	private static final long SDK_MULTIPART_THRESHOLD = 8 * MIB;

	private static final String APPLY = "POST /v2/volumes/apply";

	private static final String CHILD_PREFIX = "MEMORY-CHILD ";

	private final Options options;

	private UploadBenchmarks(Options options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
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
	}

	// ---------------------------------------------------------------------------------------------------------
	// The parent: data, emulator, measurements, report
	// ---------------------------------------------------------------------------------------------------------

	private void run(String[] args) throws Exception {
		Path root = (this.options.dir != null) ? Files.createTempDirectory(this.options.dir, "stagekit-bench-")
				: Files.createTempDirectory("stagekit-bench-");
		log("data and emulator store under " + root);
		try {
			runIn(root, args);
		}
		finally {
			deleteTree(root);
			log("deleted " + root);
		}
	}

	private void runIn(Path root, String[] args) throws Exception {
		Options o = this.options;
		List<Workload> workloads = new ArrayList<>();
		long t0 = System.nanoTime();
		workloads.add(Workload.large(root.resolve("large"), o.largeMib));
		workloads.add(Workload.small(root.resolve("small"), o.smallCount, o.smallKib));
		workloads.add(Workload.mixed(root.resolve("mixed"), o.mixedLargeMib, o.mixedCount, o.smallKib));
		log(String.format(Locale.ROOT, "generated %s in %.1f s", workloads.stream()
			.map((w) -> w.name + " " + mib(w.bytes) + " MiB/" + w.files.size() + " files")
			.toList(), seconds(System.nanoTime() - t0)));

		ZillizCloudEmulator emulator = ZillizCloudEmulator.builder()
			.advertisePlainHttp(true)
			.credentialLifetime(Duration.ofHours(24))
			.dataDirectory(root.resolve("emulator"))
			.start();
		List<Row> rows = new ArrayList<>();
		List<MemoryResult> memory = new ArrayList<>();
		List<Long> appliesPerUpload = new ArrayList<>();
		Map<String, Long> otherControlPlane = new LinkedHashMap<>();
		ZillizCloudClients clients = clients(emulator.controlPlaneUrl().toString(), emulator.apiKey(),
				emulator.projectId(), emulator.regionId(), emulator.clusterId());
		try (emulator) {
			String volume = "bench_" + Long.toHexString(System.nanoTime());
			clients.volumes().create(CreateVolumeRequest.builder(volume).build());
			ApplyResult apply = ControlPlane.of(clients).apply(Kind.VOLUME, volume, "").block();
			try (Ceiling ceiling = new Ceiling(apply)) {
				Measurer measurer = new Measurer(emulator, appliesPerUpload, otherControlPlane);
				for (Workload workload : workloads) {
					List<Integer> concurrencies = workload.name.equals("small") ? o.concurrencies
							: List.of(UploadSettings.DEFAULTS.fileConcurrency());
					Stats disk = null;
					Stats oursAtOne = null;
					for (int concurrency : concurrencies) {
						UploadSettings settings = UploadSettings.DEFAULTS.toBuilder().fileConcurrency(concurrency).build();
						try (FileManagers files = FileManagers.builder(clients).settings(settings).build()) {
							VolumeFileManager manager = files.volume(volume);
							String target = "ours/" + workload.name + "/";
							String ceilingPrefix = "ceiling/" + workload.name + "/";
							String label = workload.name + " c=" + concurrency;
							log("measuring " + label + " (" + o.runs + " runs after 1 warm-up)");
							List<Double> ours = new ArrayList<>();
							List<Double> raw = new ArrayList<>();
							List<Double> reads = new ArrayList<>();
							for (int run = -1; run < o.runs; run++) {
								double a = measurer.ours(manager, workload, target);
								double b = ceiling.upload(workload, ceilingPrefix, concurrency);
								double c = (disk == null) ? readFromDisk(workload) : Double.NaN;
								if (run >= 0) {
									ours.add(a);
									raw.add(b);
									if (disk == null) {
										reads.add(c);
									}
								}
								log(String.format(Locale.ROOT, "  %s run %s: ours %.1f, ceiling %.1f%s MiB/s", label,
										(run < 0) ? "warm-up" : String.valueOf(run + 1), a, b,
										Double.isNaN(c) ? "" : String.format(Locale.ROOT, ", disk %.1f", c)));
							}
							if (disk == null) {
								disk = Stats.of(reads);
							}
							Stats oursStats = Stats.of(ours);
							if (concurrency == 1) {
								oursAtOne = oursStats;
							}
							rows.add(new Row(workload, concurrency, oursStats, Stats.of(raw), disk, oursAtOne));
						}
					}
				}
			}
			if (!o.skipMemory) {
				for (int sizeMib : o.memoryMib) {
					memory.add(memoryChild(root, emulator, volume, sizeMib));
				}
			}
		}
		for (Workload workload : workloads) {
			deleteTree(workload.dir);
		}
		printReport(args, rows, appliesPerUpload, otherControlPlane, memory);
	}

	/** Times stagekit uploads and checks the control-plane calls each one made. */
	private static final class Measurer {

		private final ZillizCloudEmulator emulator;

		private final List<Long> appliesPerUpload;

		private final Map<String, Long> otherControlPlane;

		Measurer(ZillizCloudEmulator emulator, List<Long> appliesPerUpload, Map<String, Long> otherControlPlane) {
			this.emulator = emulator;
			this.appliesPerUpload = appliesPerUpload;
			this.otherControlPlane = otherControlPlane;
		}

		double ours(VolumeFileManager manager, Workload workload, String target) {
			this.emulator.resetRequestCounts();
			long before = this.emulator.requestCount(APPLY);
			long start = System.nanoTime();
			UploadResult result = manager.upload(workload.dir, target);
			long elapsed = System.nanoTime() - start;
			long applies = this.emulator.requestCount(APPLY) - before;
			this.appliesPerUpload.add(applies);
			this.emulator.requestCounts().forEach((endpoint, count) -> {
				if (!endpoint.startsWith("s3:") && !endpoint.equals(APPLY)) {
					this.otherControlPlane.merge(endpoint, count, Long::sum);
				}
			});
			if (result.uploadedBytes() != workload.bytes || result.objects().size() != workload.files.size()) {
				throw new IllegalStateException("ours uploaded " + result.uploadedBytes() + " bytes in "
						+ result.objects().size() + " objects, expected " + workload.bytes + " in "
						+ workload.files.size());
			}
			return mibPerSecond(workload.bytes, elapsed);
		}

	}

	/** Reads every file of a workload with a FileChannel into one reused direct buffer. */
	private static double readFromDisk(Workload workload) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocateDirect((int) MIB);
		long total = 0;
		long start = System.nanoTime();
		for (Path file : workload.files) {
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
				int read;
				while ((read = channel.read(buffer.clear())) >= 0) {
					total += read;
				}
			}
		}
		long elapsed = System.nanoTime() - start;
		if (total != workload.bytes) {
			throw new IllegalStateException("read " + total + " bytes, expected " + workload.bytes);
		}
		return mibPerSecond(total, elapsed);
	}

	// ---------------------------------------------------------------------------------------------------------
	// The ceiling: the raw SDK, one apply, straight to the data plane
	// ---------------------------------------------------------------------------------------------------------

	private static final class Ceiling implements AutoCloseable {

		private final SdkAsyncHttpClient http;

		private final S3AsyncClient plain;

		private final S3AsyncClient multipart;

		private final String bucket;

		private final String prefix;

		Ceiling(ApplyResult apply) {
			this.http = NettyNioAsyncHttpClient.builder()
				.maxConcurrency(UploadSettings.DEFAULTS.maxConnections())
				.build();
			String endpoint = apply.endpoint().trim();
			URI uri = URI.create(endpoint.startsWith("http://") || endpoint.startsWith("https://") ? endpoint
					: "https://" + endpoint);
			Region region = Region.of(apply.region().isBlank() ? "us-east-1" : apply.region());
			StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsSessionCredentials.create(
					apply.credentials().tmpAK(), apply.credentials().tmpSK(), apply.credentials().sessionToken()));
			this.plain = S3AsyncClient.builder()
				.httpClient(this.http)
				.endpointOverride(uri)
				.region(region)
				.forcePathStyle(true)
				.credentialsProvider(credentials)
				.build();
			this.multipart = S3AsyncClient.builder()
				.httpClient(this.http)
				.endpointOverride(uri)
				.region(region)
				.forcePathStyle(true)
				.credentialsProvider(credentials)
				.multipartEnabled(true)
				.build();
			this.bucket = apply.bucketName();
			this.prefix = apply.prefix().endsWith("/") ? apply.prefix() : apply.prefix() + "/";
		}

		/** Uploads every file, at most {@code concurrency} at once; returns MiB/s. */
		double upload(Workload workload, String target, int concurrency) throws InterruptedException {
			Semaphore permits = new Semaphore(concurrency);
			List<CompletableFuture<?>> futures = new ArrayList<>(workload.files.size());
			long start = System.nanoTime();
			for (Path file : workload.files) {
				permits.acquire();
				long size = workload.sizes.get(file);
				PutObjectRequest request = PutObjectRequest.builder()
					.bucket(this.bucket)
					.key(this.prefix + target + workload.relative(file))
					.contentLength(size)
					.checksumAlgorithm(ChecksumAlgorithm.CRC32_C)
					.build();
				S3AsyncClient client = (size > SDK_MULTIPART_THRESHOLD) ? this.multipart : this.plain;
				futures.add(client.putObject(request, AsyncRequestBody.fromFile(file))
					.whenComplete((response, error) -> permits.release()));
			}
			CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
			return mibPerSecond(workload.bytes, System.nanoTime() - start);
		}

		@Override
		public void close() {
			this.multipart.close();
			this.plain.close();
			this.http.close();
		}

	}

	// ---------------------------------------------------------------------------------------------------------
	// Memory: one child JVM per file size
	// ---------------------------------------------------------------------------------------------------------

	private MemoryResult memoryChild(Path root, ZillizCloudEmulator emulator, String volume, int sizeMib)
			throws IOException, InterruptedException {
		Path dir = root.resolve("memory-" + sizeMib);
		Path file = dir.resolve("file-" + sizeMib + "MiB.bin");
		writeRandom(file, sizeMib * MIB);
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-Xmx" + this.options.childHeap);
		String classPath = System.getProperty("java.class.path");
		if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
			command.add("-jar");
			command.add(classPath);
		}
		else {
			command.add("-cp");
			command.add(classPath);
			command.add(UploadBenchmarks.class.getName());
		}
		command.add("--memory-child=" + sizeMib);
		command.add("--child-file=" + file);
		command.add("--child-endpoint=" + emulator.controlPlaneUrl());
		command.add("--child-api-key=" + emulator.apiKey());
		command.add("--child-project=" + emulator.projectId());
		command.add("--child-region=" + emulator.regionId());
		command.add("--child-cluster=" + emulator.clusterId());
		command.add("--child-volume=" + volume);
		log("memory: child JVM uploading " + sizeMib + " MiB with -Xmx" + this.options.childHeap);
		emulator.resetRequestCounts();
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String line = null;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String next;
			while ((next = reader.readLine()) != null) {
				if (next.startsWith(CHILD_PREFIX)) {
					line = next;
				}
			}
		}
		int exit = process.waitFor();
		long applies = emulator.requestCount(APPLY);
		deleteTree(dir);
		if (exit != 0 || line == null) {
			throw new IllegalStateException("memory child for " + sizeMib + " MiB failed (exit " + exit + ")");
		}
		return MemoryResult.parse(sizeMib, line, applies);
	}

	private record MemoryResult(int sizeMib, long heapPeak, long heapBaseline, long poolPeak, long vmHwmKib,
			long vmRssKib, double mibPerSecond, long applies) {

		private static final Pattern FIELD = Pattern.compile("(\\w+)=([0-9.]+)");

		static MemoryResult parse(int sizeMib, String line, long applies) {
			Map<String, String> fields = new LinkedHashMap<>();
			Matcher matcher = FIELD.matcher(line);
			while (matcher.find()) {
				fields.put(matcher.group(1), matcher.group(2));
			}
			return new MemoryResult(sizeMib, Long.parseLong(fields.get("heapPeak")),
					Long.parseLong(fields.get("heapBaseline")), Long.parseLong(fields.get("poolPeak")),
					Long.parseLong(fields.get("vmHwmKiB")), Long.parseLong(fields.get("vmRssKiB")),
					Double.parseDouble(fields.get("mibPerSecond")), applies);
		}

	}

	/** The hidden {@code --memory-child} mode: upload one file and print heap and RSS peaks. */
	private static final class MemoryChild {

		static void run(Options o) throws Exception {
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			AtomicLong peak = new AtomicLong();
			LongSupplier used = () -> memory.getHeapMemoryUsage().getUsed();
			ZillizCloudClients clients = clients(o.childEndpoint, o.childApiKey, o.childProject, o.childRegion,
					o.childCluster);
			try (FileManagers files = FileManagers.builder(clients).build()) {
				VolumeFileManager manager = files.volume(o.childVolume);
				// Warm the classes and the connection pool on a tiny file, so the peak is the upload's.
				Path tiny = Files.createTempFile("stagekit-bench-warm", ".bin");
				try {
					Files.write(tiny, new byte[1024]);
					manager.upload(tiny, "memory-warm/");
				}
				finally {
					Files.deleteIfExists(tiny);
				}
				System.gc();
				long baseline = used.getAsLong();
				ManagementFactory.getMemoryPoolMXBeans().forEach((pool) -> pool.resetPeakUsage());
				peak.set(baseline);
				Thread sampler = new Thread(() -> {
					while (!Thread.currentThread().isInterrupted()) {
						peak.accumulateAndGet(used.getAsLong(), Math::max);
						try {
							Thread.sleep(20);
						}
						catch (InterruptedException ex) {
							return;
						}
					}
				}, "heap-sampler");
				sampler.setDaemon(true);
				sampler.start();
				long start = System.nanoTime();
				UploadResult result = manager.upload(o.childFile, "memory-" + o.memoryChild + "/");
				long elapsed = System.nanoTime() - start;
				peak.accumulateAndGet(used.getAsLong(), Math::max);
				sampler.interrupt();
				sampler.join();
				long poolPeak = ManagementFactory.getMemoryPoolMXBeans()
					.stream()
					.filter((pool) -> pool.getType() == java.lang.management.MemoryType.HEAP)
					.mapToLong((pool) -> pool.getPeakUsage().getUsed())
					.sum();
				Map<String, Long> status = procStatus();
				System.out.printf(Locale.ROOT,
						"%sheapPeak=%d heapBaseline=%d poolPeak=%d vmHwmKiB=%d vmRssKiB=%d mibPerSecond=%.1f bytes=%d%n",
						CHILD_PREFIX, peak.get(), baseline, poolPeak, status.getOrDefault("VmHWM", -1L),
						status.getOrDefault("VmRSS", -1L), mibPerSecond(result.uploadedBytes(), elapsed),
						result.uploadedBytes());
			}
		}

		private static Map<String, Long> procStatus() {
			Map<String, Long> values = new LinkedHashMap<>();
			try {
				for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
					String[] parts = line.split("\\s+");
					if ((line.startsWith("VmHWM:") || line.startsWith("VmRSS:")) && parts.length >= 2) {
						values.put(parts[0].substring(0, parts[0].length() - 1), Long.parseLong(parts[1]));
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// Not Linux: leave them out.
			}
			return values;
		}

	}

	// ---------------------------------------------------------------------------------------------------------
	// Report
	// ---------------------------------------------------------------------------------------------------------

	private record Row(Workload workload, int concurrency, Stats ours, Stats ceiling, Stats disk, Stats oursAtOne) {
	}

	private void printReport(String[] args, List<Row> rows, List<Long> appliesPerUpload,
			Map<String, Long> otherControlPlane, List<MemoryResult> memory) {
		Options o = this.options;
		StringBuilder out = new StringBuilder();
		out.append("\n## stagekit upload benchmarks\n\n");
		Runtime runtime = Runtime.getRuntime();
		out.append(String.format(Locale.ROOT, "Machine: %d cores, %s/%s, Java %s (%s), max heap %d MiB%n%n",
				runtime.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
				System.getProperty("java.version"), System.getProperty("java.vm.name"), runtime.maxMemory() / MIB));
		out.append("Command: `").append(commandLine(args)).append("`\n\n");
		out.append(String.format(Locale.ROOT,
				"Loopback, one in-process emulator (plain-HTTP data plane, objects on disk), %d measured runs after "
						+ "1 warm-up; MiB/s as median (min–max). Ours = `FileManagers.volume(v).upload(dir, target)` "
						+ "timed end to end (apply included); ceiling = raw `S3AsyncClient` with the credentials of one "
						+ "earlier apply; disk = FileChannel read of the same files (page cache warm).%n%n",
				o.runs));
		out.append("| Workload | Files | Size | File concurrency | Ours MiB/s | Ceiling MiB/s | Ours / ceiling "
				+ "| Ours / ours c=1 | Disk read MiB/s |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Row row : rows) {
			boolean small = row.workload.name.equals("small");
			out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %.2f | %s | %s |%n",
					row.workload.description, row.workload.files.size(), size(row.workload.bytes),
					small ? String.valueOf(row.concurrency) : row.concurrency + " (default)", row.ours, row.ceiling,
					row.ours.median / row.ceiling.median,
					(small && row.oursAtOne != null) ? String.format(Locale.ROOT, "%.2f",
							row.ours.median / row.oursAtOne.median) : "–",
					row.disk));
		}
		long min = appliesPerUpload.stream().mapToLong(Long::longValue).min().orElse(-1);
		long max = appliesPerUpload.stream().mapToLong(Long::longValue).max().orElse(-1);
		boolean once = min == 1 && max == 1;
		out.append(String.format(Locale.ROOT, "%nControl plane: `%s` per upload of ours: min %d, max %d over %d uploads "
				+ "(warm-ups included) — %s.", APPLY, min, max, appliesPerUpload.size(),
				once ? "exactly one each, OK" : "NOT exactly one"));
		out.append(otherControlPlane.isEmpty() ? " No other control-plane calls.\n"
				: " Other control-plane calls in total: " + otherControlPlane + "\n");
		if (!memory.isEmpty()) {
			out.append(String.format(Locale.ROOT, "%nMemory: one child JVM per file (`-Xmx%s`, default settings), "
					+ "heap used sampled every 20 ms during the upload%n%n", o.childHeap));
			out.append("| File | Heap before | Peak heap (sampled) | Peak heap (pool peaks) | VmHWM | VmRSS at end "
					+ "| MiB/s | apply calls |\n");
			out.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
			for (MemoryResult m : memory) {
				out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.1f | %d |%n",
						size(m.sizeMib * MIB), mibText(m.heapBaseline), mibText(m.heapPeak), mibText(m.poolPeak),
						mibText(m.vmHwmKib * KIB), mibText(m.vmRssKib * KIB), m.mibPerSecond, m.applies));
			}
			if (memory.size() >= 2) {
				MemoryResult first = memory.get(0);
				MemoryResult last = memory.get(memory.size() - 1);
				double heapDiff = (last.heapPeak - first.heapPeak) / (double) MIB;
				double rssDiff = (last.vmHwmKib - first.vmHwmKib) / 1024.0;
				out.append(String.format(Locale.ROOT,
						"%nPeak heap %s − %s: %+.1f MiB (target ≤ 64 MiB: %s); VmHWM difference %+.1f MiB.%n",
						size(last.sizeMib * MIB), size(first.sizeMib * MIB), heapDiff,
						(heapDiff <= 64) ? "met" : "MISSED", rssDiff));
			}
		}
		out.append("\nOther processes share this machine: figures are noisy; compare ratios within one run.\n");
		System.out.print(out);
		System.out.flush();
	}

	private static String commandLine(String[] args) {
		return ProcessHandle.current().info().commandLine().orElseGet(() -> {
			List<String> parts = new ArrayList<>();
			parts.add("java");
			parts.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
			parts.add("-jar");
			parts.add(System.getProperty("java.class.path"));
			parts.addAll(List.of(args));
			return String.join(" ", parts);
		});
	}

	// ---------------------------------------------------------------------------------------------------------
	// Data
	// ---------------------------------------------------------------------------------------------------------

	private static final class Workload {

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
			return new Workload("large", "large file", dir, List.of(file));
		}

		static Workload small(Path dir, int count, int kib) {
			List<Path> files = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				files.add(writeRandom(dir.resolve(String.format(Locale.ROOT, "part-%05d.bin", i)), kib * KIB));
			}
			return new Workload("small", "small files", dir, files);
		}

		static Workload mixed(Path dir, int largeMib, int count, int kib) {
			List<Path> files = new ArrayList<>();
			files.add(writeRandom(dir.resolve("big/large.bin"), largeMib * MIB));
			for (int i = 0; i < count; i++) {
				files.add(writeRandom(dir.resolve(String.format(Locale.ROOT, "d%d/e%d/part-%05d.bin", i % 10,
						(i / 10) % 5, i)), kib * KIB));
			}
			return new Workload("mixed", "mixed tree", dir, files);
		}

		String relative(Path file) {
			return this.dir.relativize(file).toString().replace('\\', '/');
		}

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
					log("could not delete " + path + ": " + ex);
				}
			});
		}
		catch (IOException ex) {
			log("could not delete " + root + ": " + ex);
		}
	}

	// ---------------------------------------------------------------------------------------------------------
	// Helpers
	// ---------------------------------------------------------------------------------------------------------

	static ZillizCloudClients clients(String endpoint, String apiKey, String project, String region, String cluster) {
		return ZillizCloudClients.create(ZillizCloudClientSettings.builder()
			.endpoint(URI.create(endpoint))
			.apiKey(apiKey)
			.projectId(project)
			.regionId(region)
			.clusterId(cluster)
			.build());
	}

	private record Stats(double median, double min, double max) {

		static Stats of(List<Double> values) {
			List<Double> sorted = values.stream().sorted().toList();
			int n = sorted.size();
			double median = (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
			return new Stats(median, sorted.get(0), sorted.get(n - 1));
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%.1f (%.1f–%.1f)", this.median, this.min, this.max);
		}

	}

	static double mibPerSecond(long bytes, long nanos) {
		return (bytes / (double) MIB) / seconds(nanos);
	}

	static double seconds(long nanos) {
		return nanos / 1e9;
	}

	static long mib(long bytes) {
		return bytes / MIB;
	}

	static String mibText(long bytes) {
		return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
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

	static void log(String message) {
		System.err.println("[bench] " + message);
	}

	// ---------------------------------------------------------------------------------------------------------
	// Options
	// ---------------------------------------------------------------------------------------------------------

	static final class Options {

		static final String HELP = """
				java -jar benchmarks/target/benchmarks.jar [options]

				Upload throughput (stagekit vs the raw AWS SDK S3AsyncClient vs a disk read) and memory, on loopback
				against one in-process emulator with a plain-HTTP data plane. The report (Markdown) goes to stdout,
				progress to stderr.

				  --large-mib=N          the large file, MiB (default 1024)
				  --small-count=N        number of small files (default 2000)
				  --small-kib=N          size of each small file, KiB (default 64)
				  --mixed-large-mib=N    the large file of the mixed tree, MiB (default 256)
				  --mixed-count=N        small files of the mixed tree, in nested dirs (default 500)
				  --concurrency=1,2,...  file concurrencies for the small files (default 1,2,4,8,16)
				  --runs=N               measured runs per figure, after 1 warm-up (default 5)
				  --memory-mib=A,B       file sizes for the memory children, MiB (default 256,2048)
				  --child-heap=SIZE      -Xmx of the memory children (default 256m)
				  --skip-memory          skip the memory children
				  --dir=PATH             where to put the generated data and the emulator store (default: temp dir)
				  --help                 this text
				""";

		int largeMib = 1024;

		int smallCount = 2000;

		int smallKib = 64;

		int mixedLargeMib = 256;

		int mixedCount = 500;

		List<Integer> concurrencies = List.of(1, 2, 4, 8, 16);

		int runs = 5;

		List<Integer> memoryMib = List.of(256, 2048);

		String childHeap = "256m";

		boolean skipMemory;

		boolean help;

		Path dir;

		int memoryChild;

		Path childFile;

		String childEndpoint;

		String childApiKey;

		String childProject;

		String childRegion;

		String childCluster;

		String childVolume;

		static Options parse(String[] args) {
			Options o = new Options();
			for (String arg : args) {
				int eq = arg.indexOf('=');
				String name = (eq < 0) ? arg : arg.substring(0, eq);
				String value = (eq < 0) ? "" : arg.substring(eq + 1);
				switch (name) {
					case "--large-mib" -> o.largeMib = positive(name, value);
					case "--small-count" -> o.smallCount = positive(name, value);
					case "--small-kib" -> o.smallKib = positive(name, value);
					case "--mixed-large-mib" -> o.mixedLargeMib = positive(name, value);
					case "--mixed-count" -> o.mixedCount = positive(name, value);
					case "--concurrency" -> o.concurrencies = list(name, value);
					case "--runs" -> o.runs = positive(name, value);
					case "--memory-mib" -> o.memoryMib = list(name, value);
					case "--child-heap" -> o.childHeap = value;
					case "--skip-memory" -> o.skipMemory = true;
					case "--dir" -> o.dir = Path.of(value);
					case "--help", "-h" -> o.help = true;
					case "--memory-child" -> o.memoryChild = positive(name, value);
					case "--child-file" -> o.childFile = Path.of(value);
					case "--child-endpoint" -> o.childEndpoint = value;
					case "--child-api-key" -> o.childApiKey = value;
					case "--child-project" -> o.childProject = value;
					case "--child-region" -> o.childRegion = value;
					case "--child-cluster" -> o.childCluster = value;
					case "--child-volume" -> o.childVolume = value;
					default -> throw new IllegalArgumentException("unknown option " + arg + " (see --help)");
				}
			}
			return o;
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

	}

}
