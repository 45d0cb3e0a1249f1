package dev.stagekit.emulator.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stagekit.emulator.EmulatorSettings;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar stage-emulator.jar [options]}: starts an emulator, prints where it listens and
 * the API key to use, optionally writes the same as JSON (for scripts and other-language clients),
 * and runs until interrupted.
 */
public final class EmulatorMain {

	private static final String USAGE = """
			Usage: java -jar stage-emulator.jar [options]

			Starts a local Zilliz Cloud (stage/volume control plane, import jobs, S3 data plane).

			  --host HOST                   address to bind and advertise (default 127.0.0.1)
			  --port N                      control-plane HTTP port (default: a free one)
			  --data-plane-port N           data-plane HTTPS port (default: a free one)
			  --data-plane-http-port N      data-plane plain HTTP port, -1 for none (default: a free one)
			  --advertise-http              apply answers http://host:port instead of the HTTPS host:port
			  --api-key KEY                 the API key to accept (default: a random one, printed)
			  --data-dir DIR                keep state and objects in DIR across restarts (default: memory)
			  --cloud aws|gcp               storage flavour apply reports (default aws)
			  --credential-lifetime D       lifetime of apply's credentials, e.g. 30s, 15m, 1h (default 1h)
			  --max-content-length SIZE     condition.maxContentLength, e.g. 1GB (default 100GB)
			  --max-file-number N           condition.maxFileNumber (default: omitted)
			  --free-tier                   free-tier limits: 1GB and 1000 files per upload
			  --import-duration D           how long an import job runs (default 2s)
			  --ready-file FILE             write endpoints, key and CA paths as JSON once ready
			  --ca-pem FILE                 write the CA certificate as PEM
			  --truststore FILE             write the CA as a PKCS#12 trust store (password: changeit)
			  --help                        this text
			""";

	private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

	private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB|TB)?", Pattern.CASE_INSENSITIVE);

	private EmulatorMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (System.getProperty("logback.configurationFile") == null) {
			System.setProperty("logback.configurationFile", "dev/stagekit/emulator/cli/logback-cli.xml");
		}
		Options options;
		EmulatorSettings settings;
		try {
			options = Options.parse(args);
			settings = options.settings.build();
		}
		catch (IllegalArgumentException ex) {
			System.err.println("stage-emulator: " + ex.getMessage());
			System.err.print(USAGE);
			System.exit(2);
			return;
		}
		if (options.help) {
			System.out.print(USAGE);
			return;
		}
		long started = System.nanoTime();
		ZillizCloudEmulator emulator = ZillizCloudEmulator.start(settings);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			emulator.close();
			stopped.countDown();
		}, "emulator-shutdown"));
		Map<String, @Nullable Object> ready = describe(emulator, options);
		printReady(System.out, emulator, ready, Duration.ofNanos(System.nanoTime() - started));
		stopped.await();
	}

	private static Map<String, @Nullable Object> describe(ZillizCloudEmulator emulator, Options options) {
		Map<String, @Nullable Object> ready = new LinkedHashMap<>();
		ready.put("controlPlaneUrl", emulator.controlPlaneUrl().toString());
		ready.put("dataPlaneUrl", emulator.dataPlaneUrl().toString());
		ready.put("dataPlaneHttpUrl", (emulator.dataPlaneHttpUrl() != null) ? emulator.dataPlaneHttpUrl().toString() : null);
		ready.put("apiKey", emulator.apiKey());
		ready.put("projectId", emulator.projectId());
		ready.put("regionId", emulator.regionId());
		ready.put("clusterId", emulator.clusterId());
		ready.put("clusterEndpoint", emulator.clusterEndpoint().toString());
		Map<String, String> clusterEndpoints = new LinkedHashMap<>();
		emulator.clusterEndpoints().forEach((id, endpoint) -> clusterEndpoints.put(id, endpoint.toString()));
		ready.put("clusterEndpoints", clusterEndpoints);
		ready.put("bucketName", emulator.settings().bucketName());
		ready.put("caCertificatePem", emulator.caCertificatePem());
		if (options.caPem != null) {
			ready.put("caCertificateFile", emulator.writeCaCertificate(options.caPem).toAbsolutePath().toString());
		}
		if (options.trustStore != null) {
			ready.put("trustStoreFile",
					emulator.writeTrustStore(options.trustStore, "changeit".toCharArray()).toAbsolutePath().toString());
			ready.put("trustStorePassword", "changeit");
		}
		if (options.readyFile != null) {
			writeAtomically(options.readyFile, JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
				.writeValueAsString(ready));
		}
		return ready;
	}

	private static void printReady(PrintStream out, ZillizCloudEmulator emulator, Map<String, @Nullable Object> ready,
			Duration startup) {
		out.printf(Locale.ROOT, "Zilliz Cloud emulator ready in %d ms%n", startup.toMillis());
		out.printf("  control plane   %s%n", emulator.controlPlaneUrl());
		out.printf("  data plane      %s  (TLS with the emulator's own CA)%n", emulator.dataPlaneUrl());
		if (emulator.dataPlaneHttpUrl() != null) {
			out.printf("  data plane      %s%n", emulator.dataPlaneHttpUrl());
		}
		out.printf("  api key         %s%n", emulator.apiKey());
		out.printf("  project         %s   region %s   cluster %s%n", emulator.projectId(), emulator.regionId(),
				emulator.clusterId());
		out.printf("  cluster         %s  (collections API)%n", emulator.clusterEndpoint());
		if (ready.get("caCertificateFile") != null) {
			out.printf("  CA certificate  %s%n", ready.get("caCertificateFile"));
		}
		if (ready.get("trustStoreFile") != null) {
			out.printf("  trust store     %s (password changeit)%n", ready.get("trustStoreFile"));
		}
		out.printf("  test hooks      %s/_emulator/info%n", emulator.controlPlaneUrl());
		out.println("Press Ctrl+C to stop.");
		out.flush();
	}

	private static void writeAtomically(Path file, String content) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			Path temp = Files.createTempFile(parent, ".ready", ".json");
			Files.writeString(temp, content, StandardCharsets.UTF_8);
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

	static Duration parseDuration(String option, String text) {
		Matcher matcher = DURATION.matcher(text.trim());
		if (matcher.matches()) {
			long amount = Long.parseLong(matcher.group(1));
			return switch (matcher.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			};
		}
		try {
			return Duration.parse(text);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(
					option + " '" + text + "' is not a duration: use 500ms, 30s, 15m, 1h, 1d or ISO-8601 (PT1H)");
		}
	}

	static long parseSize(String option, String text) {
		Matcher matcher = SIZE.matcher(text.trim());
		if (!matcher.matches()) {
			throw new IllegalArgumentException(option + " '" + text + "' is not a size: use bytes or 512MB, 1GB, 100GB");
		}
		long amount = Long.parseLong(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2).toUpperCase(Locale.ROOT) : "B";
		int shift = switch (unit) {
			case "KB" -> 10;
			case "MB" -> 20;
			case "GB" -> 30;
			case "TB" -> 40;
			default -> 0;
		};
		return amount << shift;
	}

	static int parsePort(String option, String text, int min) {
		try {
			int port = Integer.parseInt(text);
			if (port >= min && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(option + " '" + text + "' is not a port number (" + min + " to 65535)");
	}

	/** Parsed command-line options. */
	static final class Options {

		final EmulatorSettings.Builder settings = ZillizCloudEmulator.builder();

		boolean help;

		@Nullable Path readyFile;

		@Nullable Path caPem;

		@Nullable Path trustStore;

		static Options parse(String[] args) {
			Options options = new Options();
			Deque<String> queue = new ArrayDeque<>(Arrays.asList(args));
			while (!queue.isEmpty()) {
				String option = queue.poll();
				switch (option) {
					case "--help", "-h" -> options.help = true;
					case "--host" -> options.settings.host(value(queue, option));
					case "--port" -> options.settings.controlPlanePort(parsePort(option, value(queue, option), 0));
					case "--data-plane-port" -> options.settings.dataPlanePort(parsePort(option, value(queue, option), 0));
					case "--data-plane-http-port" ->
						options.settings.dataPlaneHttpPort(parsePort(option, value(queue, option), -1));
					case "--advertise-http" -> options.settings.advertisePlainHttp(true);
					case "--api-key" -> options.settings.apiKey(value(queue, option));
					case "--data-dir" -> options.settings.dataDirectory(Path.of(value(queue, option)));
					case "--cloud" -> options.settings.cloud(value(queue, option));
					case "--credential-lifetime" ->
						options.settings.credentialLifetime(parseDuration(option, value(queue, option)));
					case "--max-content-length" ->
						options.settings.maxContentLength(parseSize(option, value(queue, option)));
					case "--max-file-number" ->
						options.settings.maxFileNumber(parseSize(option, value(queue, option)));
					case "--free-tier" -> options.settings.freeTier();
					case "--import-duration" ->
						options.settings.importDuration(parseDuration(option, value(queue, option)));
					case "--ready-file" -> options.readyFile = Path.of(value(queue, option));
					case "--ca-pem" -> options.caPem = Path.of(value(queue, option));
					case "--truststore" -> options.trustStore = Path.of(value(queue, option));
					default -> throw new IllegalArgumentException("unknown option '" + option + "'");
				}
			}
			return options;
		}

		private static String value(Deque<String> queue, String option) {
			String value = queue.poll();
			if (value == null || value.startsWith("--")) {
				throw new IllegalArgumentException(option + " needs a value");
			}
			return value;
		}

	}

}
