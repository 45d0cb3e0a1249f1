package dev.stagekit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import javax.net.ssl.TrustManager;

import dev.stagekit.bulkwriter.BulkWriteResult;
import dev.stagekit.bulkwriter.BulkWriter;
import dev.stagekit.bulkwriter.BulkWriterSettings;
import dev.stagekit.bulkwriter.BulkWriters;
import dev.stagekit.bulkwriter.CollectionSchema;
import dev.stagekit.bulkwriter.DataType;
import dev.stagekit.bulkwriter.internal.ParquetFormatWriter;
import dev.stagekit.bulkwriter.internal.PlainCodecs;
import dev.stagekit.bulkwriter.internal.RowValidator;
import dev.stagekit.client.StorageLocation;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.job.ImportJobProgress;
import dev.stagekit.client.upload.FileManagers;
import io.netty.handler.ssl.SslProvider;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bulk writer benchmark ({@code --bulk-writer}): rows of a 768-dim FLOAT_VECTOR, an INT64 key and a VARCHAR
 * written to Parquet (Snappy, 32 MiB row groups) by the bulk writer (its row checks and Parquet writer) against
 * parquet-java fed the same rows directly (the ceiling), the end-to-end time of the real {@link BulkWriter} to a
 * completed import on the emulator (a child JVM), and the peak heap of child JVMs writing 100,000 and 1,000,000
 * rows. Options: {@code --rows=N} (default 100000), {@code --runs=N} (3), {@code --heap-rows=A,B}
 * (100000,1000000), {@code --child-heap=SIZE} (256m), {@code --dir=PATH}.
 */
final class BulkWriterBenchmarks {

	private static final int DIMENSION = 768;

	private static final long ROW_GROUP = BulkWriterSettings.DEFAULT_ROW_GROUP_SIZE;

	private static final String CHILD = "BULK-HEAP-CHILD ";

	private BulkWriterBenchmarks() {
	}

	static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			int eq = arg.indexOf('=');
			options.put((eq < 0) ? arg : arg.substring(0, eq), (eq < 0) ? "" : arg.substring(eq + 1));
		}
		if (options.containsKey("--heap-child")) {
			heapChild(Long.parseLong(options.get("--heap-child")), Path.of(options.get("--child-dir")));
			return;
		}
		int rows = Integer.parseInt(options.getOrDefault("--rows", "100000"));
		int runs = Integer.parseInt(options.getOrDefault("--runs", "3"));
		List<Long> heapRows = new ArrayList<>();
		for (String part : options.getOrDefault("--heap-rows", "100000,1000000").split(",")) {
			heapRows.add(Long.parseLong(part.trim()));
		}
		String childHeap = options.getOrDefault("--child-heap", "256m");
		Path root = options.containsKey("--dir") ? Files.createTempDirectory(Path.of(options.get("--dir")), "bulk-bench-")
				: Files.createTempDirectory("bulk-bench-");
		try {
			run(root, rows, runs, heapRows, childHeap, args);
		}
		finally {
			Workload.deleteTree(root);
		}
	}

	private static void run(Path root, int rows, int runs, List<Long> heapRows, String childHeap, String[] args)
			throws Exception {
		Row[] data = rows(1000);
		CollectionSchema schema = schema();
		StringBuilder report = new StringBuilder();
		report.append("## Bulk writer\n\n`java -jar benchmarks.jar --bulk-writer ").append(String.join(" ", args))
			.append("`; ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
			.append(System.getProperty("java.version")).append(".\n\n");
		// 1. Writing: one warm-up, then alternating runs, so both see the same load.
		direct(root.resolve("direct.parquet"), data, rows);
		ours(root.resolve("ours.parquet"), schema, data, rows);
		List<Double> directRates = new ArrayList<>();
		List<Double> ourRates = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		long bytes = 0;
		for (int run = 0; run < runs; run++) {
			long direct = direct(root.resolve("direct.parquet"), data, rows);
			long ours = ours(root.resolve("ours.parquet"), schema, data, rows);
			bytes = Files.size(root.resolve("ours.parquet"));
			directRates.add(rows * 1e9 / direct);
			ourRates.add(rows * 1e9 / ours);
			ratios.add((double) direct / ours);
			log(String.format("run %d: direct %.0f rows/s, bulk writer %.0f rows/s (%.2fx)", run, rows * 1e9 / direct,
					rows * 1e9 / ours, (double) direct / ours));
		}
		double mib = bytes / 1048576.0;
		report.append("| Writing ").append(rows).append(" rows to Parquet (").append(String.format("%.0f", mib))
			.append(" MiB, Snappy), median of ").append(runs).append(" | rows/s | MiB/s |\n|---|---:|---:|\n");
		report.append(String.format("| parquet-java directly (ceiling) | %.0f | %.1f |%n", median(directRates),
				median(directRates) * mib / rows));
		report.append(String.format("| bulk writer (row checks + writer) | %.0f | %.1f |%n", median(ourRates),
				median(ourRates) * mib / rows));
		report.append(String.format("| ratio, bulk writer / direct (per run: %s) | **%.2f×** | |%n%n", ratios.stream()
			.map((r) -> String.format("%.2f", r)).toList(), median(ratios)));
		// 2. End to end on the emulator.
		try (EmulatorProcess emulator = EmulatorProcess.start(root, false)) {
			report.append(endToEnd(root, emulator, schema, data, rows));
		}
		// 3. Peak heap in child JVMs.
		report.append("\n| Peak heap, child JVM -Xmx").append(childHeap).append(" | rows | Parquet written | heap peak |\n")
			.append("|---|---:|---:|---:|\n");
		for (long count : heapRows) {
			report.append(heap(root, count, childHeap));
		}
		System.out.print(report);
	}

	private static String endToEnd(Path root, EmulatorProcess emulator, CollectionSchema schema, Row[] data, int rows)
			throws Exception {
		JsonNode ready = JsonMapper.builder().build()
			.readTree(Files.readString(root.resolve("emulator-ready.json"), StandardCharsets.UTF_8));
		String cluster = ready.get("clusterEndpoint").asString();
		String apiKey = emulator.ready().apiKey();
		post(cluster + "/v2/vectordb/collections/create", apiKey, """
				{"collectionName": "bench", "schema": {"autoID": false, "fields": [
				  {"fieldName": "id", "dataType": "Int64", "isPrimary": true},
				  {"fieldName": "title", "dataType": "VarChar", "elementTypeParams": {"max_length": 256}},
				  {"fieldName": "embedding", "dataType": "FloatVector", "elementTypeParams": {"dim": 768}}]}}""");
		// The emulator reads every row of every file inside the import create call: give it time on a loaded box.
		ZillizCloudClients clients = ZillizCloudClients.create(dev.stagekit.client.ZillizCloudClientSettings.builder()
			.endpoint(URI.create(emulator.ready().controlPlaneUrl()))
			.apiKey(apiKey)
			.projectId(emulator.ready().projectId())
			.regionId(emulator.ready().regionId())
			.clusterId(emulator.ready().clusterId())
			.responseTimeout(Duration.ofMinutes(5))
			.build());
		clients.volumes().create(CreateVolumeRequest.builder("bulk_bench").build());
		TrustManager[] trust = emulator.trustManagers();
		emulator.resetRequestCounts();
		try (FileManagers files = FileManagers.builder(clients)
			.httpClientCustomizer((http) -> http.sslProvider(SslProvider.JDK).tlsTrustManagersProvider(() -> trust))
			.build()) {
			BulkWriters writers = new BulkWriters(files, clients, BulkWriterSettings.builder()
				.localDirectory(root.resolve("local"))
				.build());
			long start = System.nanoTime();
			BulkWriteResult result;
			ImportJobProgress done;
			try (BulkWriter writer = writers.writer(schema, StorageLocation.volume("bulk_bench", "bench"))) {
				for (int i = 0; i < rows; i++) {
					Row row = data[i % data.length];
					writer.append(new Row(i + 1, row.title(), row.embedding()));
				}
				long written = System.nanoTime();
				result = writer.commit();
				long committed = System.nanoTime();
				done = clients.importJobs()
					.awaitCompletion(clients.importJobs().create(result.importRequest("bench").build()),
							Duration.ofMillis(100), Duration.ofMinutes(10));
				long imported = System.nanoTime();
				String count = post(cluster + "/v2/vectordb/collections/get_stats", apiKey,
						"{\"collectionName\": \"bench\"}").path("data").path("rowCount").asString();
				long applies = emulator.requestCounts().getOrDefault(EmulatorProcess.APPLY, -1L);
				double mib = result.bytes() / 1048576.0;
				return String.format("| End to end, %d rows (%.0f MiB in %d files), emulator over TLS | time |%n"
						+ "|---|---:|%n| append (write, first uploads overlap) | %.1f s |%n"
						+ "| commit (last file, remaining uploads) | %.1f s |%n"
						+ "| import job to Completed (emulator reads every row) | %.1f s |%n"
						+ "| **total, first row to Completed** | **%.1f s** (%.0f rows/s, %.1f MiB/s) |%n"
						+ "| job state, rows in the collection, `apply` calls | %s, %s, %d |%n",
						rows, mib, result.files().size(), (written - start) / 1e9, (committed - written) / 1e9,
						(imported - committed) / 1e9, (imported - start) / 1e9, rows * 1e9 / (imported - start),
						mib * 1e9 / (imported - start), done.state(), count, applies);
			}
		}
	}

	private static JsonNode post(String url, String apiKey, String body) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url))
				.header("Authorization", "Bearer " + apiKey)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode answer = JsonMapper.builder().build().readTree(response.body());
		if (answer.path("code").asInt(-1) != 0) {
			throw new IllegalStateException(url + " answered " + response.body());
		}
		return answer;
	}

	/** One child JVM writes {@code rows} rows with the writer's checks and Parquet writer, rolling files at the default size. */
	private static String heap(Path root, long rows, String childHeap) throws Exception {
		Path dir = Files.createDirectories(root.resolve("heap-" + rows));
		List<String> command = Jvm.command(List.of("-Xmx" + childHeap, "-XX:+UseSerialGC"));
		command.addAll(List.of("--bulk-writer", "--heap-child=" + rows, "--child-dir=" + dir));
		Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
		String line = null;
		try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			for (String next = out.readLine(); next != null; next = out.readLine()) {
				if (next.startsWith(CHILD)) {
					line = next.substring(CHILD.length());
				}
			}
		}
		if (child.waitFor() != 0 || line == null) {
			throw new IllegalStateException("the heap child for " + rows + " rows failed (exit " + child.exitValue() + ")");
		}
		String[] fields = line.split(" ");
		log("heap child " + rows + ": " + line);
		return String.format("| bulk writer path, files rolled at 256 MiB and deleted | %d | %.0f MiB | %.0f MiB |%n",
				rows, Long.parseLong(fields[0]) / 1048576.0, Long.parseLong(fields[1]) / 1048576.0);
	}

	private static void heapChild(long rows, Path dir) throws IOException {
		CollectionSchema schema = schema();
		RowValidator validator = new RowValidator(schema);
		SplittableRandom random = new SplittableRandom(7);
		float[] vector = new float[DIMENSION];
		long written = 0;
		int file = 0;
		ParquetFormatWriter writer = null;
		for (long id = 1; id <= rows; id++) {
			if (writer == null) {
				writer = new ParquetFormatWriter(dir.resolve(++file + ".parquet"), schema.writtenFields(), false, ROW_GROUP,
						CompressionCodecName.SNAPPY);
			}
			for (int i = 0; i < DIMENSION; i++) {
				vector[i] = (float) random.nextDouble(-1, 1);
			}
			writer.write(validator.validate(RowValidator.toMap(new Row(id, "article " + id, vector), id), id));
			if (writer.size() >= BulkWriterSettings.DEFAULT_FILE_SIZE || id == rows) {
				writer.close();
				Path done = dir.resolve(file + ".parquet");
				written += Files.size(done);
				Files.delete(done);
				writer = null;
			}
		}
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		System.out.println(CHILD + written + " " + peak);
	}

	private static long ours(Path file, CollectionSchema schema, Row[] data, int rows) throws IOException {
		RowValidator validator = new RowValidator(schema);
		long start = System.nanoTime();
		try (ParquetFormatWriter writer = new ParquetFormatWriter(file, schema.writtenFields(), false, ROW_GROUP,
				CompressionCodecName.SNAPPY)) {
			for (int i = 0; i < rows; i++) {
				writer.write(validator.validate(RowValidator.toMap(data[i % data.length], i + 1), i + 1));
			}
		}
		return System.nanoTime() - start;
	}

	private static long direct(Path file, Row[] data, int rows) throws IOException {
		MessageType type = ParquetFormatWriter.schema(schema().writtenFields(), false);
		long start = System.nanoTime();
		try (ParquetWriter<Row> writer = new DirectBuilder(new LocalOutputFile(file), type)
			.withConf(new PlainParquetConfiguration())
			.withCodecFactory(PlainCodecs.INSTANCE)
			.withCompressionCodec(CompressionCodecName.SNAPPY)
			.withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
			.withRowGroupSize(ROW_GROUP)
			.withDictionaryEncoding(false)
			.build()) {
			for (int i = 0; i < rows; i++) {
				writer.write(data[i % data.length]);
			}
		}
		return System.nanoTime() - start;
	}

	private static CollectionSchema schema() {
		return CollectionSchema.builder()
			.field("id", DataType.INT64, (f) -> f.primaryKey(false))
			.field("title", DataType.VARCHAR, (f) -> f.maxLength(256))
			.field("embedding", DataType.FLOAT_VECTOR, (f) -> f.dimension(DIMENSION))
			.build();
	}

	private static Row[] rows(int count) {
		SplittableRandom random = new SplittableRandom(1);
		Row[] rows = new Row[count];
		for (int i = 0; i < count; i++) {
			float[] vector = new float[DIMENSION];
			for (int j = 0; j < DIMENSION; j++) {
				vector[j] = (float) random.nextDouble(-1, 1);
			}
			rows[i] = new Row(i, "article title number " + i, vector);
		}
		return rows;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private static void log(String message) {
		System.err.println("[bulk-writer] " + message);
	}

	/** A row, mapped by component name. */
	record Row(long id, String title, float[] embedding) {
	}

	private static final class DirectBuilder extends ParquetWriter.Builder<Row, DirectBuilder> {

		private final MessageType type;

		DirectBuilder(LocalOutputFile file, MessageType type) {
			super(file);
			this.type = type;
		}

		@Override
		protected DirectBuilder self() {
			return this;
		}

		@Override
		@SuppressWarnings("deprecation")
		protected WriteSupport<Row> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
			return new RowSupport(this.type);
		}

		@Override
		protected WriteSupport<Row> getWriteSupport(ParquetConfiguration conf) {
			return new RowSupport(this.type);
		}

	}

	/** The rows written field by field, as a hand-written parquet-java application would. */
	private static final class RowSupport extends WriteSupport<Row> {

		private final MessageType schema;

		private RecordConsumer out;

		RowSupport(MessageType schema) {
			this.schema = schema;
		}

		@Override
		@SuppressWarnings("deprecation")
		public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
			return new WriteContext(this.schema, new HashMap<>());
		}

		@Override
		public WriteContext init(ParquetConfiguration configuration) {
			return new WriteContext(this.schema, new HashMap<>());
		}

		@Override
		public void prepareForWrite(RecordConsumer recordConsumer) {
			this.out = recordConsumer;
		}

		@Override
		public void write(Row row) {
			this.out.startMessage();
			this.out.startField("id", 0);
			this.out.addLong(row.id());
			this.out.endField("id", 0);
			this.out.startField("title", 1);
			this.out.addBinary(Binary.fromString(row.title()));
			this.out.endField("title", 1);
			this.out.startField("embedding", 2);
			this.out.startGroup();
			this.out.startField("list", 0);
			for (float value : row.embedding()) {
				this.out.startGroup();
				this.out.startField("element", 0);
				this.out.addFloat(value);
				this.out.endField("element", 0);
				this.out.endGroup();
			}
			this.out.endField("list", 0);
			this.out.endGroup();
			this.out.endField("embedding", 2);
			this.out.endMessage();
		}

	}

}
