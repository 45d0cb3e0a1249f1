package dev.stagekit.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.stagekit.emulator.internal.ControlPlane;
import dev.stagekit.emulator.internal.DataPlane;
import dev.stagekit.emulator.internal.LocalCertificateAuthority;
import dev.stagekit.emulator.internal.ObjectStore;
import dev.stagekit.emulator.internal.RequestCounters;
import dev.stagekit.emulator.internal.SessionRegistry;
import dev.stagekit.emulator.internal.collection.ClusterServlet;
import dev.stagekit.emulator.internal.collection.CollectionApi;
import dev.stagekit.emulator.internal.collection.CollectionStore;
import dev.stagekit.emulator.internal.collection.MilvusException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running local Zilliz Cloud: the stage/volume control plane with import jobs on one port, and
 * a real S3 data plane (S3Proxy) over HTTPS, with a certificate from a CA generated for this
 * emulator, and optionally over plain HTTP.
 *
 * <pre>{@code
 * try (ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().freeTier().start()) {
 *     URI endpoint = emulator.controlPlaneUrl();
 *     String apiKey = emulator.apiKey();
 *     ...
 * }
 * }</pre>
 *
 * Besides the API, it offers test hooks: stored objects, incomplete multipart uploads, request
 * counts per endpoint, injected faults and forced credential expiry. The same hooks answer over
 * HTTP under {@code /_emulator/} on the control-plane port.
 */
public final class ZillizCloudEmulator implements AutoCloseable {

	private static final String CONTROL = "control";

	private static final String DATA_HTTPS = "data-https";

	private static final String DATA_HTTP = "data-http";

	private final EmulatorSettings settings;

	private final RequestCounters counters = new RequestCounters();

	private final SessionRegistry sessions = new SessionRegistry(Clock.systemUTC());

	private final ObjectStore objects;

	private final LocalCertificateAuthority certificateAuthority;

	private final ControlPlane controlPlane;

	private final DataPlane dataPlane;

	private final Server server;

	private final ServerConnector controlConnector;

	private final ServerConnector dataHttpsConnector;

	private final @Nullable ServerConnector dataHttpConnector;

	private final Map<String, ServerConnector> clusterConnectors = new LinkedHashMap<>();

	private ZillizCloudEmulator(EmulatorSettings settings) {
		this.settings = settings;
		this.objects = new ObjectStore(settings.dataDirectory(), settings.bucketName(), settings.backingStore());
		// S3Proxy starts while the CA is made: each takes seconds on a busy machine.
		ObjectStore store = this.objects;
		CompletableFuture<DataPlane> dataPlane = CompletableFuture
			.supplyAsync(() -> new DataPlane(settings, this.sessions, store, this.counters));
		try {
			this.certificateAuthority = LocalCertificateAuthority.create(settings.dataDirectory(), settings.host());
		}
		catch (RuntimeException ex) {
			dataPlane.thenAccept(DataPlane::close);
			throw ex;
		}
		try {
			this.dataPlane = dataPlane.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
		this.controlPlane = new ControlPlane(settings, this.sessions, this.objects, this.counters,
				this::advertisedDataPlaneEndpoint, this.dataPlane, this::describe, this::dataPlaneUrls);

		QueuedThreadPool threads = new QueuedThreadPool(200, 4);
		threads.setName("zilliz-emulator");
		this.server = new Server(threads);
		this.server.setStopTimeout(0);

		HttpConfiguration controlHttp = new HttpConfiguration();
		controlHttp.setSendServerVersion(false);
		this.controlConnector = connector(CONTROL, settings.controlPlanePort(), new HttpConnectionFactory(controlHttp));

		// As S3Proxy configures its own server: S3 keys may hold characters Jetty's default URI compliance
		// refuses, and header values must reach the SigV4 check exactly as the client signed them.
		HttpConfiguration dataHttp = new HttpConfiguration();
		dataHttp.setSendServerVersion(false);
		dataHttp.setHttpCompliance(HttpCompliance.LEGACY);
		dataHttp.setUriCompliance(UriCompliance.LEGACY);
		dataHttp.setHeaderCacheCaseSensitive(true);
		HttpConfiguration dataHttps = new HttpConfiguration(dataHttp);
		SecureRequestCustomizer secure = new SecureRequestCustomizer();
		secure.setSniHostCheck(false);
		dataHttps.addCustomizer(secure);
		SslContextFactory.Server tls = new SslContextFactory.Server();
		tls.setKeyStore(this.certificateAuthority.serverKeyStore());
		tls.setKeyStorePassword(this.certificateAuthority.keyStorePassword());
		tls.setKeyManagerPassword(this.certificateAuthority.keyStorePassword());
		this.dataHttpsConnector = connector(DATA_HTTPS, settings.dataPlanePort(),
				new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(dataHttps));
		this.dataHttpConnector = (settings.dataPlaneHttpPort() >= 0)
				? connector(DATA_HTTP, settings.dataPlaneHttpPort(), new HttpConnectionFactory(dataHttp)) : null;

		ServletContextHandler control = new ServletContextHandler();
		control.setContextPath("/");
		control.addServlet(new ServletHolder("control-plane", this.controlPlane.servlet()), "/*");
		control.setVirtualHosts(List.of("@" + CONTROL));
		ServletContextHandler data = new ServletContextHandler();
		data.setContextPath("/");
		data.getServletHandler().setDecodeAmbiguousURIs(true);
		data.addServlet(this.dataPlane.servlet(), "/*");
		data.setVirtualHosts(List.of("@" + DATA_HTTPS, "@" + DATA_HTTP));
		List<ContextHandler> handlers = new ArrayList<>(List.of(control, data));
		handlers.addAll(clusterHandlers(controlHttp));
		this.server.setHandler(new ContextHandlerCollection(handlers.toArray(ContextHandler[]::new)));
	}

	/** One endpoint per cluster, on its own port, serving the cluster's collections. */
	private List<ContextHandler> clusterHandlers(HttpConfiguration http) {
		List<ContextHandler> handlers = new ArrayList<>();
		JsonMapper mapper = JsonMapper.builder().build();
		for (String clusterId : this.settings.clusters().keySet()) {
			String name = "cluster-" + clusterId;
			this.clusterConnectors.put(clusterId, connector(name, 0, new HttpConnectionFactory(http)));
			ServletContextHandler cluster = new ServletContextHandler();
			cluster.setContextPath("/");
			cluster.addServlet(new ServletHolder(name, new ClusterServlet(
					new CollectionApi(clusterId, this.controlPlane.collections()), this.settings.apiKey(), mapper,
					this.counters::increment)), "/*");
			cluster.setVirtualHosts(List.of("@" + name));
			handlers.add(cluster);
		}
		return handlers;
	}

	private ServerConnector connector(String name, int port, org.eclipse.jetty.server.ConnectionFactory... factories) {
		ServerConnector connector = new ServerConnector(this.server, factories);
		connector.setName(name);
		connector.setHost(this.settings.host());
		connector.setPort(port);
		this.server.addConnector(connector);
		return connector;
	}

	/** Settings to start an emulator with, starting from the defaults. */
	public static EmulatorSettings.Builder builder() {
		return new EmulatorSettings.Builder();
	}

	/** Starts an emulator with these settings; it runs until {@link #close()}. */
	public static ZillizCloudEmulator start(EmulatorSettings settings) {
		ZillizCloudEmulator emulator = new ZillizCloudEmulator(settings);
		try {
			emulator.server.start();
		}
		catch (Exception ex) {
			emulator.close();
			throw new IllegalStateException("The emulator could not start: " + ex.getMessage(), ex);
		}
		return emulator;
	}

	public EmulatorSettings settings() {
		return this.settings;
	}

	/** The control plane's base URL, for example {@code http://127.0.0.1:43121}. */
	public URI controlPlaneUrl() {
		return URI.create("http://" + hostPort(this.controlConnector));
	}

	/** The data plane's HTTPS URL. */
	public URI dataPlaneUrl() {
		return URI.create("https://" + hostPort(this.dataHttpsConnector));
	}

	/** The data plane's plain HTTP URL, or {@code null} when it is turned off. */
	public @Nullable URI dataPlaneHttpUrl() {
		return (this.dataHttpConnector != null) ? URI.create("http://" + hostPort(this.dataHttpConnector)) : null;
	}

	/**
	 * The default cluster's endpoint, for example {@code http://127.0.0.1:43125}: it serves the Milvus RESTful v2
	 * collection endpoints ({@code POST /v2/vectordb/collections/create}, {@code describe}, {@code list},
	 * {@code has}, {@code drop}, {@code get_stats}) with the same API key.
	 */
	public URI clusterEndpoint() {
		return clusterEndpoint(clusterId());
	}

	/** A cluster's endpoint; each cluster has its own port. */
	public URI clusterEndpoint(String clusterId) {
		ServerConnector connector = this.clusterConnectors.get(clusterId);
		if (connector == null) {
			throw new IllegalArgumentException("No cluster '" + clusterId + "'; the emulator serves "
					+ this.clusterConnectors.keySet());
		}
		return URI.create("http://" + hostPort(connector));
	}

	/** Every cluster's endpoint, by cluster id, the default cluster first. */
	public Map<String, URI> clusterEndpoints() {
		Map<String, URI> endpoints = new LinkedHashMap<>();
		this.clusterConnectors.keySet().forEach((id) -> endpoints.put(id, clusterEndpoint(id)));
		return endpoints;
	}

	/**
	 * Creates a collection on the default cluster, as {@code POST /v2/vectordb/collections/create} with this
	 * JSON body does (for example {@code {"collectionName":"docs","dimension":768}} or a body with a
	 * {@code schema}); imports and merges are checked against it.
	 *
	 * @throws IllegalArgumentException with Milvus's message when the body is refused
	 */
	public void createCollection(String createBody) {
		createCollection(clusterId(), createBody);
	}

	/** Creates a collection on a cluster; see {@link #createCollection(String)}. */
	public void createCollection(String clusterId, String createBody) {
		clusterEndpoint(clusterId);
		try {
			new CollectionApi(clusterId, this.controlPlane.collections()).handle("create",
					JsonMapper.builder().build().readTree(createBody), null);
		}
		catch (MilvusException ex) {
			throw new IllegalArgumentException(ex.getMessage() + " (code " + ex.code() + ")", ex);
		}
	}

	/** A collection's row count on the default cluster's default database, as {@code get_stats} answers it. */
	public long collectionRowCount(String collectionName) {
		CollectionStore store = this.controlPlane.collections();
		try {
			return store.rowCount(store.get(clusterId(), CollectionStore.DEFAULT_DB, collectionName));
		}
		catch (MilvusException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	/** What {@code apply} returns as {@code endpoint}, in the form the settings ask for. */
	String advertisedDataPlaneEndpoint() {
		if (this.settings.advertisePlainHttp() && this.dataHttpConnector != null) {
			return "http://" + hostPort(this.dataHttpConnector);
		}
		boolean standardPort = this.dataHttpsConnector.getLocalPort() == 443;
		return switch (this.settings.endpointForm()) {
			case AUTO -> standardPort ? this.settings.host() : dataPlaneUrl().toString();
			case HOST -> this.settings.host();
			case HOST_PORT -> hostPort(this.dataHttpsConnector);
			case URL -> standardPort ? "https://" + this.settings.host() : dataPlaneUrl().toString();
		};
	}

	private String hostPort(ServerConnector connector) {
		return this.settings.host() + ":" + connector.getLocalPort();
	}

	/**
	 * Where the emulator listens and what it serves, as {@code /_emulator/info} and the command
	 * line's ready file answer it.
	 */
	public Map<String, @Nullable Object> describe() {
		URI httpUrl = dataPlaneHttpUrl();
		Map<String, @Nullable Object> info = new LinkedHashMap<>();
		info.put("controlPlaneUrl", controlPlaneUrl().toString());
		info.put("dataPlaneUrl", dataPlaneUrl().toString());
		info.put("dataPlaneHttpUrl", (httpUrl != null) ? httpUrl.toString() : null);
		info.put("dataPlaneEndpoint", advertisedDataPlaneEndpoint());
		info.put("apiKey", apiKey());
		info.put("projectId", projectId());
		info.put("regionId", regionId());
		info.put("clusterId", clusterId());
		info.put("clusterEndpoint", clusterEndpoint().toString());
		Map<String, String> clusterEndpoints = new LinkedHashMap<>();
		clusterEndpoints().forEach((id, endpoint) -> clusterEndpoints.put(id, endpoint.toString()));
		info.put("clusterEndpoints", clusterEndpoints);
		info.put("projects", List.copyOf(this.settings.projects()));
		info.put("regions", List.copyOf(this.settings.regions()));
		info.put("clusters", this.settings.clusters());
		info.put("bucketName", this.settings.bucketName());
		return info;
	}

	/** The data plane's URLs: HTTPS, then plain HTTP when it is served. */
	private List<URI> dataPlaneUrls() {
		URI http = dataPlaneHttpUrl();
		return (http != null) ? List.of(dataPlaneUrl(), http) : List.of(dataPlaneUrl());
	}

	/** The API key the control plane accepts. */
	public String apiKey() {
		return this.settings.apiKey();
	}

	public String projectId() {
		return this.settings.defaultProject();
	}

	public String regionId() {
		return this.settings.defaultRegion();
	}

	public String clusterId() {
		return this.settings.defaultCluster();
	}

	/** A trust store holding the emulator's CA certificate, for clients of the HTTPS data plane. */
	public KeyStore trustStore() {
		return this.certificateAuthority.trustStore();
	}

	/** The emulator's CA certificate in PEM form. */
	public String caCertificatePem() {
		return this.certificateAuthority.caCertificatePem();
	}

	/** Writes {@link #trustStore()} as a PKCS#12 file protected by {@code password}. */
	public Path writeTrustStore(Path file, char[] password) {
		try (OutputStream out = Files.newOutputStream(file)) {
			trustStore().store(out, password);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Writes {@link #caCertificatePem()} to a file. */
	public Path writeCaCertificate(Path file) {
		try {
			return Files.writeString(file, caCertificatePem(), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// Test hooks

	/** Every stored object whose key starts with {@code keyPrefix}, in key order. */
	public List<StoredObject> listObjects(String keyPrefix) {
		return this.objects.list(keyPrefix);
	}

	/** The stored object with this key, if any. */
	public Optional<StoredObject> object(String key) {
		return this.objects.head(key);
	}

	/** Streams a stored object's bytes. */
	public InputStream openObject(String key) {
		return this.objects.open(key);
	}

	/** The SHA-256 of a stored object's bytes, in lowercase hex. */
	public String sha256(String key) {
		return this.objects.sha256(key);
	}

	/** The key prefix of a volume's files, if the volume exists. */
	public Optional<String> volumePrefix(String volumeName) {
		return this.controlPlane.volumePrefix(volumeName);
	}

	/** The key prefix of a stage's files, if the stage exists. */
	public Optional<String> stagePrefix(String stageName) {
		return this.controlPlane.stagePrefix(stageName);
	}

	/** Multipart uploads that were started and neither completed nor aborted. */
	public List<IncompleteUpload> incompleteUploads() {
		return this.objects.incompleteUploads();
	}

	/**
	 * How many requests an endpoint received: control-plane endpoints as
	 * {@code "POST /v2/volumes/apply"} or {@code "GET /v2/volumes/{name}"}, data-plane operations as
	 * {@code "s3:UploadPart"}.
	 */
	public long requestCount(String endpoint) {
		return this.counters.count(endpoint);
	}

	/** Every endpoint that received requests, with its count. */
	public Map<String, Long> requestCounts() {
		return this.counters.snapshot();
	}

	/** Request-body bytes the data plane received, faulted requests included. */
	public long dataPlaneBytesReceived() {
		return this.counters.dataPlaneBytes();
	}

	/** Forgets every request count. */
	public void resetRequestCounts() {
		this.counters.reset();
	}

	/** Injects a fault into the control plane's next matching answers. */
	public void inject(ControlPlaneFault fault) {
		this.controlPlane.inject(fault);
	}

	/** Injects a fault into the data plane's next matching requests. */
	public void inject(DataPlaneFault fault) {
		this.dataPlane.inject(fault);
	}

	/** Removes every pending fault. */
	public void clearFaults() {
		this.controlPlane.clearFaults();
		this.dataPlane.clearFaults();
	}

	/** The credentials issued so far; a seam for this package's tests. */
	SessionRegistry sessions() {
		return this.sessions;
	}

	/** Makes every storage credential issued so far expire now. */
	public void expireCredentials() {
		this.sessions.expireAll();
	}

	@Override
	public void close() {
		try {
			this.server.stop();
		}
		catch (Exception ex) {
			// Stopping a server that failed to start; nothing more to release.
		}
		finally {
			this.controlPlane.close();
			this.dataPlane.close();
			this.objects.close();
		}
	}

	@Override
	public String toString() {
		return "ZillizCloudEmulator[controlPlane=" + controlPlaneUrl() + ", dataPlane=" + dataPlaneUrl() + ", clusters="
				+ clusterEndpoints() + "]";
	}

}
