package dev.stagekit.client.upload.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.stagekit.client.internal.ApplyResult;
import dev.stagekit.client.upload.UploadSettings;
import dev.stagekit.client.upload.internal.StorageSession.Lease;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

/**
 * Builds the S3 clients of uploads on resources shared by all of them: one Netty event loop and
 * connection pool, one timer, one completion executor, created with the first upload, and one S3 client
 * per endpoint ({@link StorageEndpoint}: path or virtual-host style, the Alibaba OSS probe, the GCP bearer
 * token), built when an upload first needs it and kept until the engine closes. Credentials are not the
 * client's: each request carries those of its upload's current lease (renewals included).
 *
 * <p>User customizers run after our settings, as in Spring Boot; what the engine must enforce (the SDK's
 * retries off, so that our retry policy counts every attempt, and our interceptors) is merged back into the
 * override configuration afterwards, so a customizer cannot undo it by replacing that configuration.
 */
final class StorageClients implements AutoCloseable {

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

	private final UploadSettings settings;

	private final List<Consumer<NettyNioAsyncHttpClient.Builder>> httpCustomizers;

	private final List<Consumer<S3AsyncClientBuilder>> s3Customizers;

	private final Function<String, Mono<Integer>> probe;

	private final Clock clock;

	private final Object lock = new Object();

	private @Nullable Resources resources;

	private boolean closed;

	StorageClients(UploadSettings settings, List<Consumer<NettyNioAsyncHttpClient.Builder>> httpCustomizers,
			List<Consumer<S3AsyncClientBuilder>> s3Customizers, @Nullable Function<String, Mono<Integer>> probe,
			Clock clock) {
		this.settings = settings;
		this.httpCustomizers = List.copyOf(httpCustomizers);
		this.s3Customizers = List.copyOf(s3Customizers);
		this.probe = (probe != null) ? probe : StorageClients::probe;
		this.clock = clock;
	}

	/**
	 * Start the credentials session of one upload.
	 * @param applier obtains (new) credentials
	 * @return the session, which leases the engine's client for its endpoint with each set of credentials
	 */
	StorageSession session(Supplier<Mono<ApplyResult>> applier) {
		return new StorageSession(applier, this::connect, this.settings.credentialRefreshMargin(), this.clock);
	}

	/**
	 * Connect one apply answer: the engine's client for its endpoint (built on first use), used with the
	 * answer's credentials.
	 * @param apply the answer
	 * @return the lease on the client
	 */
	Mono<Lease> connect(ApplyResult apply) {
		return StorageEndpoint.resolve(apply, this.settings.connectType(), this.probe).map((endpoint) -> {
			Resources shared = resources();
			S3AsyncClient client = shared.clients().computeIfAbsent(endpoint, (key) -> build(key, shared));
			return new Lease(apply, endpoint, LeasedClient.of(client, credentials(apply, endpoint)), 0,
					this.clock.instant());
		});
	}

	/** What one request carries of an apply answer: its credentials, or (GCP) its bearer token. */
	private static AwsRequestOverrideConfiguration credentials(ApplyResult apply, StorageEndpoint endpoint) {
		ApplyResult.StorageCredentials credentials = apply.credentials();
		if (endpoint.bearer()) {
			return AwsRequestOverrideConfiguration.builder()
				.credentialsProvider(AnonymousCredentialsProvider.create())
				.putHeader("Authorization", "Bearer " + credentials.sessionToken())
				.build();
		}
		return AwsRequestOverrideConfiguration.builder()
			.credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(credentials.tmpAK(),
					credentials.tmpSK(), credentials.sessionToken())))
			.build();
	}

	/**
	 * Build the one client of an endpoint; the customizers run once, here. It has no credentials of its own:
	 * every request carries its lease's ({@link LeasedClient}).
	 */
	private S3AsyncClient build(StorageEndpoint endpoint, Resources shared) {
		S3AsyncClientBuilder builder = S3AsyncClient.builder()
			.httpClient(shared.httpClient())
			.endpointOverride(endpoint.uri())
			.region(Region.of(endpoint.region()))
			.forcePathStyle(endpoint.pathStyle())
			.credentialsProvider(AnonymousCredentialsProvider.create())
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.asyncConfiguration((async) -> async.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR,
					shared.completions()));
		this.s3Customizers.forEach((customizer) -> customizer.accept(builder));
		builder.overrideConfiguration(enforced(builder.overrideConfiguration(), shared.timer()));
		return builder.build();
	}

	/** What a customizer may add to but not take away: merged into whatever it configured. */
	static ClientOverrideConfiguration enforced(ClientOverrideConfiguration configured, ScheduledExecutorService timer) {
		return configured.toBuilder()
			.retryStrategy(AwsRetryStrategy.doNotRetry())
			.scheduledExecutorService(timer)
			.build();
	}

	@Override
	public void close() {
		Resources created;
		synchronized (this.lock) {
			this.closed = true;
			created = this.resources;
			this.resources = null;
		}
		if (created != null) {
			created.close();
		}
	}

	/** The shared resources, created with the first upload so that an engine that never uploads costs nothing. */
	private Resources resources() {
		synchronized (this.lock) {
			if (this.closed) {
				throw new IllegalStateException("The upload engine is closed");
			}
			Resources current = this.resources;
			if (current == null) {
				current = Resources.create(this.settings, this.httpCustomizers);
				this.resources = current;
			}
			return current;
		}
	}

	private static Mono<Integer> probe(String host) {
		return HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) PROBE_TIMEOUT.toMillis())
			.responseTimeout(PROBE_TIMEOUT)
			.head()
			.uri("https://" + host + "/")
			.response()
			.map((response) -> response.status().code())
			.timeout(PROBE_TIMEOUT);
	}

	private static ThreadFactory threads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** One Netty event loop and connection pool, one timer and one completion executor for all uploads. */
	private record Resources(SdkAsyncHttpClient httpClient, EventLoopGroup eventLoop, ScheduledExecutorService timer,
			ExecutorService completions, Map<StorageEndpoint, S3AsyncClient> clients) {

		// The SDK recognises only the classic NIO group type (deprecated in Netty 4.2, still supported).
		@SuppressWarnings("deprecation")
		static Resources create(UploadSettings settings, List<Consumer<NettyNioAsyncHttpClient.Builder>> customizers) {
			int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
			EventLoopGroup eventLoop = new io.netty.channel.nio.NioEventLoopGroup(threads, threads("stagekit-upload-io"));
			NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder()
				.eventLoopGroup(SdkEventLoopGroup.create(eventLoop))
				.maxConcurrency(settings.maxConnections())
				.maxPendingConnectionAcquires(100_000)
				.connectionAcquisitionTimeout(Duration.ofMinutes(10))
				.connectionTimeout(settings.connectTimeout())
				.readTimeout(settings.readTimeout())
				.writeTimeout(settings.writeTimeout());
			customizers.forEach((customizer) -> customizer.accept(http));
			return new Resources(http.build(), eventLoop,
					Executors.newSingleThreadScheduledExecutor(threads("stagekit-upload-timer")),
					Executors.newFixedThreadPool(threads, threads("stagekit-upload")), new ConcurrentHashMap<>());
		}

		void close() {
			this.clients.values().forEach(S3AsyncClient::close);
			this.clients.clear();
			this.httpClient.close();
			// Our own event loop, so no two-second quiet period on shutdown.
			this.eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
			this.timer.shutdownNow();
			this.completions.shutdownNow();
		}

	}

}
