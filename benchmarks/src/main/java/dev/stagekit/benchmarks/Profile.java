package dev.stagekit.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.stagekit.benchmarks.JfrProfile.Summary;
import jdk.jfr.Recording;

/**
 * The {@code --profile} mode: every client uploads the small workload a few times under a JFR recording; the
 * report compares where their Java time goes. The recording is kept in {@code benchmarks/target/jfr/} (or a new
 * temp dir, when not run from the repository root) for {@code jfr print --events jdk.ExecutionSample}.
 */
final class Profile {

	private Profile() {
	}

	static void run(Options o, Path root, String[] args) throws Exception {
		Workload workload = Workload.small("small", root.resolve("small"), o.smallCount, o.smallKib);
		// Outside the run's own directory, which is deleted at the end.
		Path jfrDir = Files.isDirectory(Path.of("benchmarks/target")) ? Path.of("benchmarks/target/jfr")
				: Files.createTempDirectory("stagekit-jfr-");
		Files.createDirectories(jfrDir);
		Map<String, Summary> summaries = new LinkedHashMap<>();
		Map<String, String> labels = new LinkedHashMap<>();
		Map<String, double[]> cpu = new LinkedHashMap<>();
		double construction;
		try (EmulatorProcess emulator = EmulatorProcess.start(root, o.plainHttp)) {
			UploadBenchmarks.Clients clients = UploadBenchmarks.Clients.create(emulator, o.plainHttp, o.prototypes)
				.only(o.clients);
			try {
				// One recording for all clients (see JfrProfile.analyse); every client is warmed up under it first.
				Path file = jfrDir.resolve("upload-profile.jfr");
				Map<String, List<JfrProfile.Window>> windows = new LinkedHashMap<>();
				Map<String, long[]> used = new LinkedHashMap<>();
				try (Recording recording = JfrProfile.start()) {
					for (int i = 0; i < 4; i++) {
						for (Uploader uploader : clients.uploaders) {
							uploader.upload(workload, uploader.id() + "/profile/");
						}
					}
					// Clients take turns, one upload each per round, so that drift (JIT, other load) is shared.
					List<Uploader> uploaders = clients.uploaders;
					for (int round = 0; round < o.profileUploads; round++) {
						for (int i = 0; i < uploaders.size(); i++) {
							Uploader uploader = uploaders.get((i + round) % uploaders.size());
							long cpu0 = Jvm.processCpuNanos();
							long start = System.nanoTime();
							Instant from = Instant.now();
							uploader.upload(workload, uploader.id() + "/profile/");
							windows.computeIfAbsent(uploader.id(), (id) -> new ArrayList<>())
								.add(new JfrProfile.Window(from, Instant.now()));
							long[] totals = used.computeIfAbsent(uploader.id(), (id) -> new long[2]);
							totals[0] += Jvm.processCpuNanos() - cpu0;
							totals[1] += System.nanoTime() - start;
						}
					}
					long files = (long) o.profileUploads * workload.files.size();
					for (Uploader uploader : uploaders) {
						long[] totals = used.get(uploader.id());
						cpu.put(uploader.id(), new double[] { totals[0] / 1e6 / files,
								UploadBenchmarks.mibPerSecond(workload.bytes * o.profileUploads, totals[1]) });
						labels.put(uploader.id(), uploader.label());
						UploadBenchmarks.log(String.format(Locale.ROOT, "profiled %s: %.2f ms CPU per file",
								uploader.id(), cpu.get(uploader.id())[0]));
					}
					recording.stop();
					recording.dump(file);
				}
				summaries.putAll(JfrProfile.analyse(file, windows));
				UploadBenchmarks.log("recording in " + file);
				construction = RawSdkUploader.clientConstructionCpuMs(emulator.apply(clients.volume, ""),
						emulator.trustManagers());
			}
			finally {
				clients.close();
			}
		}
		System.out.print(print(o, args, workload, summaries, labels, cpu));
		System.out.printf(Locale.ROOT, "%nBuilding and closing one `S3AsyncClient` on an existing Netty client "
				+ "(what an engine that builds one per apply pays per upload): %.1f ms CPU (mean of 50, after 20).%n",
				construction);
		System.out.flush();
	}

	private static String print(Options o, String[] args, Workload workload, Map<String, Summary> summaries,
			Map<String, String> labels, Map<String, double[]> cpu) {
		long files = (long) o.profileUploads * workload.files.size();
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%n## JFR profile: %s over %s, %d uploads per client%n%n",
				workload.description, o.plainHttp ? "plain HTTP" : "TLS", o.profileUploads));
		out.append("Command: `").append(Report.commandLine(args)).append("`. `jdk.ExecutionSample` every 2 ms; the "
				+ "emulator runs in another JVM, so every sample is the client's. \"Per 1k files\" = samples per 1,000 "
				+ "files uploaded (≈ 2 ms of Java code each): comparable across clients; percentages are within one "
				+ "client. CPU ms/file is this JVM's process CPU during the recorded uploads (JFR's own cost included).\n\n");
		out.append("| Client | MiB/s (under JFR) | CPU ms/file | Java samples | per 1k files | allocated MiB per 1k files "
				+ "| GCs | GC pause ms |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
		summaries.forEach((id, s) -> out.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %d | %.0f | %.0f | %d | %d |%n",
				labels.get(id), cpu.get(id)[1], cpu.get(id)[0], s.samples(), 1000.0 * s.samples() / files,
				s.allocatedBytes() / (double) Workload.MIB * 1000 / files, s.gcs(), s.gcPause().toMillis())));
		out.append(compare("Self time by package group (top frame)", summaries, Summary::self, files));
		out.append(compare("Inclusive time by subsystem (a sample counts for every subsystem in its stack)", summaries,
				Summary::inclusive, files));
		out.append(compare("Samples by thread (digits folded to N)", summaries, Summary::threads, files));
		for (Map.Entry<String, Summary> entry : summaries.entrySet()) {
			Summary s = entry.getValue();
			out.append(String.format(Locale.ROOT, "%n#### Top self methods: %s%n%n| Method | Samples | %% |%n|---|---:|---:|%n",
					labels.get(entry.getKey())));
			top(s.methods(), 20).forEach((method, count) -> out.append(String.format(Locale.ROOT, "| `%s` | %d | %s |%n",
					method, count, JfrProfile.percent(count, s.samples()))));
			out.append(String.format(Locale.ROOT, "%n| Allocation by first non-JDK frame's group | MiB per 1k files |%n|---|---:|%n"));
			s.allocation().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
				.forEach((e) -> out.append(String.format(Locale.ROOT, "| %s | %.1f |%n", e.getKey(),
						e.getValue() / (double) Workload.MIB * 1000 / files)));
		}
		return out.toString();
	}

	private static String compare(String title, Map<String, Summary> summaries,
			Function<Summary, Map<String, Integer>> part, long files) {
		Set<String> keys = new LinkedHashSet<>();
		Map<String, Integer> totals = new LinkedHashMap<>();
		summaries.values().forEach((s) -> part.apply(s).forEach((key, count) -> totals.merge(key, count, Integer::sum)));
		totals.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(22)
			.forEach((e) -> keys.add(e.getKey()));
		StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n### %s%n%n| Group |", title));
		List<String> ids = new ArrayList<>(summaries.keySet());
		ids.forEach((id) -> out.append(' ').append(id).append(" % | ").append(id).append(" per 1k files |"));
		out.append("\n|---|").append("---:|---:|".repeat(ids.size())).append('\n');
		for (String key : keys) {
			out.append("| ").append(key).append(" |");
			for (String id : ids) {
				Summary s = summaries.get(id);
				int count = part.apply(s).getOrDefault(key, 0);
				out.append(' ').append(JfrProfile.percent(count, s.samples())).append(" | ")
					.append(String.format(Locale.ROOT, "%.0f", 1000.0 * count / files)).append(" |");
			}
			out.append('\n');
		}
		return out.toString();
	}

	private static Map<String, Integer> top(Map<String, Integer> counts, int limit) {
		Map<String, Integer> top = new LinkedHashMap<>();
		counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.naturalOrder()).reversed())
			.limit(limit).forEach((e) -> top.put(e.getKey(), e.getValue()));
		return top;
	}

}
