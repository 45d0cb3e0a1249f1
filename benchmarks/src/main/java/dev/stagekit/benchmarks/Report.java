package dev.stagekit.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** The Markdown report of one throughput run. */
final class Report {

	private static final double GIB = 1024.0 * Workload.MIB;

	private Report() {
	}

	/** Median, minimum and maximum. */
	record Stats(double median, double min, double max) {

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

	/**
	 * One client on one workload.
	 * @param workload the workload
	 * @param id the client's id
	 * @param label the client's label
	 * @param concurrency files × parts at once
	 * @param prototype whether it is an experimental variant
	 * @param mibPerSecond throughput of the measured runs
	 * @param cpuSeconds this JVM's CPU seconds per measured run
	 * @param requests the emulator's request counts of the first measured run
	 */
	record Row(Workload workload, String id, String label, String concurrency, boolean prototype, Stats mibPerSecond,
			Stats cpuSeconds, Map<String, Long> requests) {

		double cpuMsPerFile() {
			return this.cpuSeconds.median() * 1000 / this.workload.files.size();
		}

		double cpuSecondsPerGib() {
			return this.cpuSeconds.median() / (this.workload.bytes / GIB);
		}

	}

	static String print(Options o, String[] args, List<Workload> workloads, List<Row> rows,
			Map<String, List<Long>> appliesPerUpload, List<MemoryChild.Result> memory, WireProbe wire,
			Map<String, String> labels) {
		StringBuilder out = new StringBuilder();
		out.append("\n## stagekit upload benchmarks").append(o.quick ? " (quick run)" : "").append("\n\n");
		Runtime runtime = Runtime.getRuntime();
		out.append(String.format(Locale.ROOT, "Machine: %d cores, %s/%s, Java %s (%s), max heap %d MiB. ",
				runtime.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
				System.getProperty("java.version"), System.getProperty("java.vm.name"), runtime.maxMemory() / Workload.MIB));
		out.append("Command: `").append(commandLine(args)).append("`\n\n");
		out.append(String.format(Locale.ROOT, "Data plane over **%s** (%s), "
				+ "loopback, emulator in a child JVM (objects on disk). %d measured runs after 1 warm-up, clients taking "
				+ "turns within each run. MiB/s as median (min–max). CPU = this JVM's process CPU time "
				+ "(`OperatingSystemMXBean.getProcessCpuTime()`: every client thread, GC and JIT; not the emulator's), "
				+ "median per run, divided by files and by GiB. Ours and the official baseline are timed end to end, "
				+ "their `apply` included; the raw SDK reuses the credentials of one earlier apply.%n%n",
				o.plainHttp ? "plain HTTP" : "TLS", o.plainHttp ? "the emulator's plain-HTTP port; the OpenSSL prototype "
						+ "then differs from the other only by name" : "the emulator's HTTPS data plane, its CA trusted by every client",
				o.runs));
		for (Workload workload : workloads) {
			List<Row> own = rows.stream().filter((row) -> row.workload() == workload).toList();
			if (own.isEmpty()) {
				continue;
			}
			Row official = find(own, "minio");
			Row raw = find(own, "raw");
			out.append(String.format(Locale.ROOT, "### %s (%s in %,d file%s)%n%n", workload.description,
					Workload.size(workload.bytes), workload.files.size(), (workload.files.size() == 1) ? "" : "s"));
			out.append("| Client | Files × parts at once | MiB/s | × official | × raw SDK | CPU ms/file | CPU s/GiB "
					+ "| S3 requests per upload |\n");
			out.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
			for (Row row : own) {
				out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.2f | %.2f | %s |%n",
						row.prototype() ? "_" + row.label() + "_" : row.label(), row.concurrency(), row.mibPerSecond(),
						ratio(row, official), ratio(row, raw), row.cpuMsPerFile(), row.cpuSecondsPerGib(),
						requests(row.requests())));
			}
			out.append('\n');
		}
		out.append(targets(rows, appliesPerUpload, memory));
		if (!memory.isEmpty()) {
			out.append(String.format(Locale.ROOT, "%n### Memory%n%nOurs at its defaults, one child JVM per file (`-Xmx%s`), "
					+ "heap used sampled every 20 ms during the upload.%n%n", o.childHeap));
			out.append("| File | Heap before | Peak heap (sampled) | Peak heap (pool peaks) | VmHWM | VmRSS at end "
					+ "| MiB/s | apply calls |\n");
			out.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
			for (MemoryChild.Result m : memory) {
				out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.1f | %d |%n",
						Workload.size(m.sizeMib() * Workload.MIB), mib(m.heapBaseline()), mib(m.heapPeak()),
						mib(m.poolPeak()), mib(m.vmHwmKib() * Workload.KIB), mib(m.vmRssKib() * Workload.KIB),
						m.mibPerSecond(), m.applies()));
			}
		}
		out.append("\n### What each client sends for a small PutObject\n\n");
		out.append(wire.table(labels));
		out.append("\nOther processes share this machine: figures are noisy; compare ratios within one run.\n");
		return out.toString();
	}

	private static String targets(List<Row> rows, Map<String, List<Long>> appliesPerUpload,
			List<MemoryChild.Result> memory) {
		StringBuilder out = new StringBuilder("### Targets (issue: upload speed against the official client)\n\n"
				+ "| Target | Workload | Measured | Met? |\n|---|---|---:|---|\n");
		for (Row row : rows) {
			if (!row.id().equals("ours")) {
				continue;
			}
			List<Row> own = rows.stream().filter((other) -> other.workload() == row.workload()).toList();
			Row official = find(own, "minio");
			Row raw = find(own, "raw");
			String name = row.workload().description;
			boolean small = row.workload().name.equals("small") || row.workload().name.equals("many");
			if (official != null && small) {
				double ratio = row.mibPerSecond().median() / official.mibPerSecond().median();
				out.append(line("≥ 1.5× the official baseline's throughput", name, String.format(Locale.ROOT, "%.2f×", ratio),
						ratio >= 1.5));
				out.append(line("CPU per file ≤ the official baseline's", name, String.format(Locale.ROOT,
						"%.2f vs %.2f ms", row.cpuMsPerFile(), official.cpuMsPerFile()),
						row.cpuMsPerFile() <= official.cpuMsPerFile()));
			}
			if (official != null && row.workload().name.equals("large")) {
				double ratio = row.mibPerSecond().median() / official.mibPerSecond().median();
				out.append(line("≥ 2× the official baseline", name, String.format(Locale.ROOT, "%.2f×", ratio), ratio >= 2));
			}
			if (raw != null) {
				double ratio = row.mibPerSecond().median() / raw.mibPerSecond().median();
				out.append(line("≥ 0.9× the raw AWS SDK", name, String.format(Locale.ROOT, "%.2f×", ratio), ratio >= 0.9));
			}
		}
		if (memory.size() >= 2) {
			MemoryChild.Result first = memory.get(0);
			MemoryChild.Result last = memory.get(memory.size() - 1);
			double diff = (last.heapPeak() - first.heapPeak()) / (double) Workload.MIB;
			out.append(line("flat heap: peak within 64 MiB", Workload.size(last.sizeMib() * Workload.MIB) + " vs "
					+ Workload.size(first.sizeMib() * Workload.MIB), String.format(Locale.ROOT, "%+.1f MiB", diff),
					diff <= 64));
		}
		appliesPerUpload.forEach((id, applies) -> {
			boolean once = !applies.isEmpty() && applies.stream().allMatch((count) -> count == 1);
			out.append(line("one `apply` per upload (" + id + ")", "all, warm-ups included",
					"min " + applies.stream().mapToLong(Long::longValue).min().orElse(-1) + ", max "
							+ applies.stream().mapToLong(Long::longValue).max().orElse(-1) + " over " + applies.size()
							+ " uploads", once));
		});
		for (MemoryChild.Result m : memory) {
			out.append(line("one `apply` per upload (memory child)", Workload.size(m.sizeMib() * Workload.MIB),
					m.applies() + " (1 warm-up upload + 1)", m.applies() == 2));
		}
		return out.toString();
	}

	private static String line(String target, String workload, String measured, boolean met) {
		return "| " + target + " | " + workload + " | " + measured + " | " + (met ? "met" : "**MISSED**") + " |\n";
	}

	private static Row find(List<Row> rows, String id) {
		return rows.stream().filter((row) -> row.id().equals(id)).findFirst().orElse(null);
	}

	private static String ratio(Row row, Row baseline) {
		return (baseline == null) ? "–"
				: String.format(Locale.ROOT, "%.2f", row.mibPerSecond().median() / baseline.mibPerSecond().median());
	}

	private static String requests(Map<String, Long> counts) {
		Map<String, Long> shown = new LinkedHashMap<>();
		Predicate<String> s3 = (endpoint) -> endpoint.startsWith("s3:");
		counts.forEach((endpoint, count) -> {
			if (s3.test(endpoint)) {
				shown.put(endpoint.substring(3), count);
			}
			else {
				shown.put(endpoint.replace("POST /v2/volumes/", ""), count);
			}
		});
		List<String> parts = new ArrayList<>();
		shown.forEach((name, count) -> parts.add(String.format(Locale.ROOT, "%s %,d", name, count)));
		return String.join(", ", parts);
	}

	private static String mib(long bytes) {
		return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) Workload.MIB);
	}

	static String commandLine(String[] args) {
		List<String> parts = new ArrayList<>();
		parts.add("java");
		parts.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
		parts.add("-jar");
		parts.add("benchmarks/target/benchmarks.jar");
		parts.addAll(List.of(args));
		return String.join(" ", parts);
	}

}
