package dev.stagekit.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Records {@code jdk.ExecutionSample} (every 2 ms of Java code per thread) and allocation samples around some
 * uploads, then aggregates them: self time by the top frame's package group, inclusive time by subsystem (a sample
 * counts once for every subsystem anywhere in its stack), top methods and the threads that ran them. The emulator
 * runs in another JVM, so every sample is the uploading client's (the main thread included: the raw SDK's requests
 * are built and signed on it).
 * Java code only: time in native code (socket writes, epoll) and GC shows up in the CPU figures, not here.
 */
final class JfrProfile {

	/** Package groups for the top frame, first match wins. */
	private static final Map<String, Pattern> SELF = new LinkedHashMap<>();

	/** Subsystems for inclusive counts, matched against {@code class.method} of every frame. */
	private static final Map<String, Pattern> INCLUSIVE = new LinkedHashMap<>();

	static {
		SELF.put("checksums and digests (CRC32C, MD5, SHA-256)", Pattern.compile(
				"^(java\\.util\\.zip\\.CRC|sun\\.security\\.provider\\.(MD5|SHA|DigestBase)|software\\.amazon\\.awssdk\\.checksums|java\\.security\\.MessageDigest)"));
		SELF.put("TLS: JDK SSLEngine, JCE crypto, Netty SslHandler", Pattern.compile(
				"^(sun\\.security\\.|com\\.sun\\.crypto\\.|javax\\.crypto\\.|javax\\.net\\.ssl\\.|io\\.netty\\.handler\\.ssl\\.|okhttp3\\.internal\\.tls)"));
		SELF.put("AWS SDK: aws-chunked encoding and trailer", Pattern.compile("^software\\.amazon\\.awssdk\\..*(?i:chunk)"));
		SELF.put("AWS SDK: signing", Pattern.compile("^software\\.amazon\\.awssdk\\.(http\\.auth|auth|.*[Ss]igner)"));
		SELF.put("AWS SDK: marshalling, XML", Pattern.compile(
				"^software\\.amazon\\.awssdk\\.(protocols|core\\.internal\\.transform|.*[Mm]arshall|thirdparty\\.jackson)"));
		SELF.put("AWS SDK: Netty HTTP client", Pattern.compile("^software\\.amazon\\.awssdk\\.http\\.nio"));
		SELF.put("AWS SDK: core pipeline, interceptors, other", Pattern.compile("^software\\.amazon\\.awssdk\\."));
		SELF.put("Netty (other)", Pattern.compile("^io\\.netty\\."));
		SELF.put("Reactor", Pattern.compile("^reactor\\."));
		SELF.put("benchmark harness (the prototypes' own work, e.g. CRC32C)", Pattern.compile("^dev\\.stagekit\\.benchmarks\\."));
		SELF.put("stagekit", Pattern.compile("^dev\\.stagekit\\."));
		SELF.put("minio-java", Pattern.compile("^io\\.minio\\."));
		SELF.put("OkHttp, Okio, Kotlin", Pattern.compile("^(okhttp3|okio|kotlin)\\."));
		SELF.put("Jackson, Simple XML, Guava", Pattern.compile("^(tools\\.jackson|com\\.fasterxml|org\\.simpleframework|com\\.google)\\."));
		SELF.put("JDK: file and socket I/O", Pattern.compile("^(sun\\.nio\\.|java\\.nio\\.|java\\.io\\.|sun\\.net\\.|java\\.net\\.)"));
		SELF.put("JDK: other", Pattern.compile("^(java\\.|jdk\\.|sun\\.|com\\.sun\\.)"));

		INCLUSIVE.put("AWS SDK: aws-chunked body + trailer checksum", Pattern.compile(
				"^software\\.amazon\\.awssdk\\.[^ ]*(?i:chunk|ChecksumCalculating|ChecksumSubscriber|checksums\\.)"));
		INCLUSIVE.put("AWS SDK: SigV4 header signing (canonical request, HMAC)", Pattern.compile(
				"^software\\.amazon\\.awssdk\\.http\\.auth\\.aws\\.internal\\.signer\\.(V4RequestSigner|DefaultV4RequestSigner|V4CanonicalRequest|util\\.SignerUtils)"));
		INCLUSIVE.put("AWS SDK: async signer incl. body set-up (DefaultAwsV4HttpSigner.signAsync)", Pattern.compile(
				"^software\\.amazon\\.awssdk\\.http\\.auth\\.aws\\.internal\\.signer\\.DefaultAwsV4HttpSigner\\.signAsync"));
		INCLUSIVE.put("AWS SDK: request marshalling", Pattern.compile(
				"^software\\.amazon\\.awssdk\\.(protocols\\.xml\\.internal\\.marshall|core\\.internal\\.http\\.pipeline\\.stages\\.Marshall|services\\.s3\\.model\\.transform)"));
		INCLUSIVE.put("AWS SDK: response unmarshalling", Pattern.compile(
				"^software\\.amazon\\.awssdk\\.(protocols\\.xml\\.internal\\.unmarshall|protocols\\.query\\.unmarshall|core\\.internal\\.http\\.async\\.AsyncResponseHandler)"));
		INCLUSIVE.put("AWS SDK: execution interceptors", Pattern.compile("^software\\.amazon\\.awssdk\\.core\\.interceptor\\.ExecutionInterceptorChain"));
		INCLUSIVE.put("AWS SDK: endpoint and auth-scheme resolution", Pattern.compile(
				"^software\\.amazon\\.awssdk\\.(services\\.s3\\.endpoints|services\\.s3\\.auth|services\\.s3\\.internal\\.endpoints|core\\.internal\\.http\\.pipeline\\.stages\\.ApplyUserAgent|awscore\\.endpoints)"));
		INCLUSIVE.put("AWS SDK: client request pipeline (all)", Pattern.compile("^software\\.amazon\\.awssdk\\.core\\.internal\\.http\\."));
		INCLUSIVE.put("TLS: SSLEngine wrap/unwrap and crypto", Pattern.compile(
				"^(io\\.netty\\.handler\\.ssl\\.SslHandler|sun\\.security\\.ssl\\.|com\\.sun\\.crypto\\.provider)"));
		INCLUSIVE.put("TLS handshakes", Pattern.compile("^sun\\.security\\.ssl\\.(HandshakeContext|TransportContext\\.kickstart|SSLHandshake|ClientHello|ServerHello|CertificateMessage|CertificateVerify|ECDHClientKeyExchange|Finished)"));
		INCLUSIVE.put("Netty event loop", Pattern.compile("^io\\.netty\\.channel\\.nio\\.NioEventLoop\\.run|^io\\.netty\\.channel\\.(SingleThreadIoEventLoop|nio\\.NioIoHandler)"));
		INCLUSIVE.put("Reactor", Pattern.compile("^reactor\\."));
		INCLUSIVE.put("stagekit", Pattern.compile("^dev\\.stagekit\\.(?!benchmarks\\.)"));
		INCLUSIVE.put("stagekit: file body (FileSliceBody)", Pattern.compile("^dev\\.stagekit\\..*FileSliceBody"));
		INCLUSIVE.put("minio-java", Pattern.compile("^io\\.minio\\."));
		INCLUSIVE.put("OkHttp", Pattern.compile("^okhttp3\\."));
		INCLUSIVE.put("file reads", Pattern.compile("^(sun\\.nio\\.ch\\.FileChannelImpl\\.read|java\\.io\\.FileInputStream\\.read|java\\.io\\.RandomAccessFile\\.read)"));
		INCLUSIVE.put("checksums and digests (CRC32C, MD5, SHA-256)", Pattern.compile(
				"^(java\\.util\\.zip\\.CRC32C?\\.|sun\\.security\\.provider\\.(MD5|SHA|DigestBase)|java\\.security\\.MessageDigest\\.)"));
		INCLUSIVE.put("XML (responses, requests)", Pattern.compile("(?i)^[^ ]*(xml|simpleframework|stax)"));
	}

	private static final Pattern GENERIC_JDK = Pattern.compile(
			"^(java\\.lang\\.|java\\.util\\.|jdk\\.internal\\.|java\\.nio\\.(Heap)?ByteBuffer|java\\.nio\\.Buffer|java\\.time\\.|java\\.text\\.)");

	private JfrProfile() {
	}

	/** Starts a recording of execution and allocation samples. */
	static Recording start() {
		Recording recording = new Recording();
		recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
		recording.enable("jdk.ObjectAllocationSample").with("throttle", "300/s");
		recording.enable("jdk.GarbageCollection");
		recording.start();
		return recording;
	}

	/** What a recording shows. */
	record Summary(int samples, Map<String, Integer> self, Map<String, Integer> inclusive, Map<String, Integer> methods,
			Map<String, Integer> threads, Map<String, Long> allocation, long allocatedBytes, int gcs,
			Duration gcPause) {
	}

	/** A time window of one recording: the uploads of one client. */
	record Window(Instant start, Instant end) {

		boolean contains(Instant time) {
			return !time.isBefore(this.start) && time.isBefore(this.end);
		}

	}

	/**
	 * Summarise each window of one recording. One recording spans every client, because starting JFR again
	 * re-instruments JDK classes and deoptimises code, which would be charged to whichever client came first.
	 */
	static Map<String, Summary> analyse(Path file, Map<String, List<Window>> windows) throws IOException {
		Map<String, Accumulator> accumulators = new LinkedHashMap<>();
		windows.keySet().forEach((id) -> accumulators.put(id, new Accumulator()));
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			Instant time = event.getStartTime();
			windows.forEach((id, list) -> {
				if (list.stream().anyMatch((window) -> window.contains(time))) {
					accumulators.get(id).add(event);
				}
			});
		}
		Map<String, Summary> summaries = new LinkedHashMap<>();
		accumulators.forEach((id, accumulator) -> summaries.put(id, accumulator.summary()));
		return summaries;
	}

	private static final class Accumulator {

		final Map<String, Integer> self = new HashMap<>();

		final Map<String, Integer> inclusive = new HashMap<>();

		final Map<String, Integer> methods = new HashMap<>();

		final Map<String, Integer> threads = new HashMap<>();

		final Map<String, Long> allocation = new HashMap<>();

		long allocated;

		int samples;

		int gcs;

		Duration pause = Duration.ZERO;

		Summary summary() {
			return new Summary(this.samples, this.self, this.inclusive, this.methods, this.threads, this.allocation,
					this.allocated, this.gcs, this.pause);
		}

		void add(RecordedEvent event) {
			String type = event.getEventType().getName();
			if (type.equals("jdk.GarbageCollection")) {
				this.gcs++;
				this.pause = this.pause.plus(event.getDuration("sumOfPauses"));
				return;
			}
			RecordedStackTrace stack = event.getStackTrace();
			if (stack == null || stack.getFrames().isEmpty()) {
				return;
			}
			List<RecordedFrame> frames = stack.getFrames();
			String top = frameName(frames.get(0));
			if (type.equals("jdk.ObjectAllocationSample")) {
				long weight = event.getLong("weight");
				this.allocated += weight;
				this.allocation.merge(group(SELF, owner(frames)), weight, Long::sum);
				return;
			}
			if (!type.equals("jdk.ExecutionSample")) {
				return;
			}
			// The main thread counts too: the raw SDK builds, signs and sends its requests on it.
			String thread = event.getThread("sampledThread").getJavaName();
			this.samples++;
			this.self.merge(group(SELF, selfOwner(frames)), 1, Integer::sum);
			this.methods.merge(top, 1, Integer::sum);
			this.threads.merge(threadGroup(thread), 1, Integer::sum);
			Set<String> seen = new LinkedHashSet<>();
			for (RecordedFrame frame : frames) {
				String name = frameName(frame);
				INCLUSIVE.forEach((label, pattern) -> {
					if (pattern.matcher(name).find()) {
						seen.add(label);
					}
				});
			}
			seen.forEach((label) -> this.inclusive.merge(label, 1, Integer::sum));
		}

	}

	/**
	 * The top frame, or if it is a generic JDK helper (collections, strings, method handles, locks, buffers) the
	 * first frame below it that is not: a HashMap lookup inside the SDK's signer is the signer's time.
	 */
	private static String selfOwner(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String name = frameName(frame);
			if (!GENERIC_JDK.matcher(name).find()) {
				return name;
			}
		}
		return frameName(frames.get(0));
	}

	/** The first frame outside the JDK, so that allocations are charged to the library that asked for them. */
	private static String owner(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String name = frameName(frame);
			if (!name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")) {
				return name;
			}
		}
		return frameName(frames.get(0));
	}

	private static String frameName(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	private static String group(Map<String, Pattern> groups, String frame) {
		for (Map.Entry<String, Pattern> entry : groups.entrySet()) {
			if (entry.getValue().matcher(frame).find()) {
				return entry.getKey();
			}
		}
		return "other";
	}

	private static String threadGroup(String thread) {
		if (thread == null) {
			return "(unnamed)";
		}
		return thread.replaceAll("\\d+", "N");
	}

	/** Percent of samples. */
	static String percent(int count, int total) {
		return String.format(Locale.ROOT, "%.1f %%", (total == 0) ? 0.0 : 100.0 * count / total);
	}

}
