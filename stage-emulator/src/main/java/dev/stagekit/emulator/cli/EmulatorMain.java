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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stagekit.emulator.EmulatorSettings;
import dev.stagekit.emulator.EndpointForm;
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
			Every option takes its value as --option VALUE or --option=VALUE.

			  --host HOST                   address to bind and advertise (default 127.0.0.1)
			  --port N                      control-plane HTTP port (default: a free one)
			  --data-plane-port N           data-plane HTTPS port, e.g. 443 as the real service (default: a free one)
			  --data-plane-http-port N      data-plane plain HTTP port, -1 for none (default: a free one)
			  --endpoint-form FORM          the endpoint apply advertises: auto (host on 443, else
			                                https://host:port), host, host-port (for pymilvus), url
			  --advertise-http              apply answers http://host:port instead of the HTTPS data plane
			  --api-key KEY                 the API key to accept (default: a random one, printed)
			  --max-request-body SIZE       largest control-plane request body, e.g. 1MB (default 1MB; larger: HTTP 413)
			  --project ID                  a project that exists; repeat for more, the first is the default
			                                (default proj-emulator)
			  --region ID                   a region that exists; repeat for more, the first is the default
			                                (default aws-us-west-2, aws-us-east-1, gcp-us-west1)
			  --cluster ID[:REGION]         a cluster that exists (in the first region unless given); repeat
			                                for more, the first is the default (default in01-emulator)
			  --storage-integration ID[:REGION]  a storage integration for external volumes (default si-emulator)
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
		Map<String, @Nullable Object> ready = new LinkedHashMap<>(emulator.describe());
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
		out.printf("  apply endpoint  %s%n", ready.get("dataPlaneEndpoint"));
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

		private final List<String> projects = new ArrayList<>();

		private final List<String> regions = new ArrayList<>();

		private final Map<String, @Nullable String> clusters = new LinkedHashMap<>();

		private final Map<String, @Nullable String> storageIntegrations = new LinkedHashMap<>();

		static Options parse(String[] args) {
			Options options = new Options();
			Deque<String> queue = new ArrayDeque<>(Arrays.asList(args));
			while (!queue.isEmpty()) {
				String argument = queue.poll();
				int equals = argument.startsWith("--") ? argument.indexOf('=') : -1;
				String option = (equals > 2) ? argument.substring(0, equals) : argument;
				Value value = new Value(option, (equals > 2) ? argument.substring(equals + 1) : null, queue);
				EmulatorSettings.Builder settings = options.settings;
				switch (option) {
					case "--help", "-h" -> options.help = value.flag();
					case "--host" -> settings.host(value.get());
					case "--port" -> settings.controlPlanePort(parsePort(option, value.get(), 0));
					case "--data-plane-port" -> settings.dataPlanePort(parsePort(option, value.get(), 0));
					case "--data-plane-http-port" -> settings.dataPlaneHttpPort(parsePort(option, value.get(), -1));
					case "--endpoint-form" -> settings.endpointForm(parseEndpointForm(option, value.get()));
					case "--advertise-http" -> settings.advertisePlainHttp(value.flag());
					case "--api-key" -> settings.apiKey(value.get());
					case "--max-request-body" -> settings.maxRequestBodySize(parseSize(option, value.get()));
					case "--project" -> options.projects.add(value.get());
					case "--region" -> options.regions.add(value.get());
					case "--cluster" -> idAndRegion(option, value.get(), options.clusters);
					case "--storage-integration" -> idAndRegion(option, value.get(), options.storageIntegrations);
					case "--data-dir" -> settings.dataDirectory(Path.of(value.get()));
					case "--cloud" -> settings.cloud(value.get());
					case "--credential-lifetime" -> settings.credentialLifetime(parseDuration(option, value.get()));
					case "--max-content-length" -> settings.maxContentLength(parseSize(option, value.get()));
					case "--max-file-number" -> settings.maxFileNumber(parseSize(option, value.get()));
					case "--free-tier" -> {
						if (value.flag()) {
							settings.freeTier();
						}
					}
					case "--import-duration" -> settings.importDuration(parseDuration(option, value.get()));
					case "--ready-file" -> options.readyFile = Path.of(value.get());
					case "--ca-pem" -> options.caPem = Path.of(value.get());
					case "--truststore" -> options.trustStore = Path.of(value.get());
					default -> throw new IllegalArgumentException("unknown option '" + option + "'");
				}
			}
			options.applyIds();
			return options;
		}

		/**
		 * Ids given on the command line replace the defaults. Clusters and storage integrations
		 * without a region go to the first region.
		 */
		private void applyIds() {
			if (!this.projects.isEmpty()) {
				this.settings.projects(this.projects);
			}
			if (!this.regions.isEmpty()) {
				this.settings.regions(this.regions);
			}
			String firstRegion = this.regions.isEmpty() ? this.settings.build().defaultRegion() : this.regions.get(0);
			if (!this.clusters.isEmpty() || !this.regions.isEmpty()) {
				this.settings.clusters(withRegions(this.clusters.isEmpty() ? Map.of("in01-emulator", "") : this.clusters,
						firstRegion));
			}
			if (!this.storageIntegrations.isEmpty() || !this.regions.isEmpty()) {
				this.settings.storageIntegrations(withRegions(
						this.storageIntegrations.isEmpty() ? Map.of("si-emulator", "") : this.storageIntegrations,
						firstRegion));
			}
		}

		private static Map<String, String> withRegions(Map<String, @Nullable String> ids, String defaultRegion) {
			Map<String, String> resolved = new LinkedHashMap<>();
			ids.forEach((id, region) -> resolved.put(id, (region == null || region.isEmpty()) ? defaultRegion : region));
			return resolved;
		}

		private static void idAndRegion(String option, String text, Map<String, @Nullable String> into) {
			int colon = text.indexOf(':');
			String id = (colon < 0) ? text : text.substring(0, colon);
			String region = (colon < 0) ? null : text.substring(colon + 1);
			if (id.isEmpty() || (region != null && region.isEmpty())) {
				throw new IllegalArgumentException(option + " '" + text + "' is not ID or ID:REGION");
			}
			into.put(id, region);
		}

		private static EndpointForm parseEndpointForm(String option, String text) {
			try {
				return EndpointForm.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						option + " '" + text + "' is not one of auto, host, host-port, url");
			}
		}

		/** An option's value, inline ({@code --option=value}) or the next argument. */
		private record Value(String option, @Nullable String inline, Deque<String> queue) {

			String get() {
				if (this.inline != null) {
					return this.inline;
				}
				String value = this.queue.poll();
				if (value == null || value.startsWith("--")) {
					throw new IllegalArgumentException(this.option + " needs a value");
				}
				return value;
			}

			/** A switch: given alone, or as {@code --option=true} or {@code --option=false}. */
			boolean flag() {
				if (this.inline == null || this.inline.equalsIgnoreCase("true")) {
					return true;
				}
				if (this.inline.equalsIgnoreCase("false")) {
					return false;
				}
				throw new IllegalArgumentException(this.option + " takes no value, or =true or =false");
			}

		}

	}

}
