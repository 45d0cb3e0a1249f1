package dev.stagekit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.TrustManager;

import dev.stagekit.benchmarks.EmulatorProcess.Ready;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.upload.FileManagers;
import dev.stagekit.client.upload.UploadResult;
import dev.stagekit.client.upload.VolumeFileManager;
import io.netty.handler.ssl.SslProvider;

/** Memory: one child JVM per file size uploads one file with ours at its defaults and reports heap and RSS peaks. */
final class MemoryChild {

	private static final String PREFIX = "MEMORY-CHILD ";

	private MemoryChild() {
	}

	/** What one child measured. */
	record Result(int sizeMib, long heapPeak, long heapBaseline, long poolPeak, long vmHwmKib, long vmRssKib,
			double mibPerSecond, long applies) {

		private static final Pattern FIELD = Pattern.compile("(\\w+)=([0-9.]+)");

		static Result parse(int sizeMib, String line, long applies) {
			Map<String, String> fields = new LinkedHashMap<>();
			Matcher matcher = FIELD.matcher(line);
			while (matcher.find()) {
				fields.put(matcher.group(1), matcher.group(2));
			}
			return new Result(sizeMib, Long.parseLong(fields.get("heapPeak")), Long.parseLong(fields.get("heapBaseline")),
					Long.parseLong(fields.get("poolPeak")), Long.parseLong(fields.get("vmHwmKiB")),
					Long.parseLong(fields.get("vmRssKiB")), Double.parseDouble(fields.get("mibPerSecond")), applies);
		}

	}

	/** Parent side: write the file, run the child, read its line and the emulator's apply count. */
	static Result measure(Path root, EmulatorProcess emulator, Path readyFile, String volume, int sizeMib,
			String heap) throws IOException, InterruptedException {
		Path dir = root.resolve("memory-" + sizeMib);
		Path file = dir.resolve("file-" + sizeMib + "MiB.bin");
		Workload.writeRandom(file, sizeMib * Workload.MIB);
		List<String> command = Jvm.command(List.of("-Xmx" + heap));
		command.add("--memory-child=" + sizeMib);
		command.add("--child-file=" + file);
		command.add("--child-ready-file=" + readyFile);
		command.add("--child-volume=" + volume);
		UploadBenchmarks.log("memory: child JVM uploading " + sizeMib + " MiB with -Xmx" + heap);
		emulator.resetRequestCounts();
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String line = null;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String next;
			while ((next = reader.readLine()) != null) {
				if (next.startsWith(PREFIX)) {
					line = next;
				}
			}
		}
		int exit = process.waitFor();
		long applies = emulator.requestCounts().getOrDefault(EmulatorProcess.APPLY, 0L);
		Workload.deleteTree(dir);
		if (exit != 0 || line == null) {
			throw new IllegalStateException("memory child for " + sizeMib + " MiB failed (exit " + exit + ")");
		}
		return Result.parse(sizeMib, line, applies);
	}

	/** Child side, the hidden {@code --memory-child} mode. */
	static void run(Options o) throws Exception {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		AtomicLong peak = new AtomicLong();
		LongSupplier used = () -> memory.getHeapMemoryUsage().getUsed();
		Ready ready = Ready.read(o.childReadyFile);
		ZillizCloudClients clients = UploadBenchmarks.clients(ready);
		TrustManager[] trust = EmulatorProcess.trustManagers(ready.caPem());
		try (FileManagers files = FileManagers.builder(clients)
			.httpClientCustomizer((http) -> http.sslProvider(SslProvider.JDK).tlsTrustManagersProvider(() -> trust))
			.build()) {
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
				.filter((pool) -> pool.getType() == MemoryType.HEAP)
				.mapToLong((pool) -> pool.getPeakUsage().getUsed())
				.sum();
			Map<String, Long> status = procStatus();
			System.out.printf(Locale.ROOT,
					"%sheapPeak=%d heapBaseline=%d poolPeak=%d vmHwmKiB=%d vmRssKiB=%d mibPerSecond=%.1f bytes=%d%n",
					PREFIX, peak.get(), baseline, poolPeak, status.getOrDefault("VmHWM", -1L),
					status.getOrDefault("VmRSS", -1L), UploadBenchmarks.mibPerSecond(result.uploadedBytes(), elapsed),
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
