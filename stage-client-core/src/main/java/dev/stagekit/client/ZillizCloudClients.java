package dev.stagekit.client;

import java.time.Duration;

import dev.stagekit.client.internal.Blocking;
import dev.stagekit.client.internal.ControlPlaneClient;
import dev.stagekit.client.internal.DefaultReactiveImportJobs;
import dev.stagekit.client.internal.DefaultReactiveMergeJobs;
import dev.stagekit.client.internal.DefaultReactiveStageManager;
import dev.stagekit.client.internal.DefaultReactiveVolumeManager;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * All Zilliz Cloud control-plane clients built on one shared engine.
 */
public final class ZillizCloudClients {

	private final ControlPlaneClient engine;

	private final ReactiveStageManager reactiveStages;

	private final ReactiveVolumeManager reactiveVolumes;

	private final ReactiveImportJobs reactiveImportJobs;

	private final ReactiveMergeJobs reactiveMergeJobs;

	private final Duration blockTimeout;

	private ZillizCloudClients(ControlPlaneClient engine) {
		this.engine = engine;
		this.reactiveStages = new DefaultReactiveStageManager(engine);
		this.reactiveVolumes = new DefaultReactiveVolumeManager(engine);
		this.reactiveImportJobs = new DefaultReactiveImportJobs(engine);
		this.reactiveMergeJobs = new DefaultReactiveMergeJobs(engine);
		this.blockTimeout = Blocking.defaultTimeout(engine.settings());
	}

	/**
	 * Build the clients.
	 * @param settings the settings
	 * @param webClientBuilder the builder to start from (cloned)
	 * @return the clients
	 */
	public static ZillizCloudClients create(ZillizCloudClientSettings settings, WebClient.Builder webClientBuilder) {
		return new ZillizCloudClients(new ControlPlaneClient(settings, webClientBuilder));
	}

	/**
	 * Build the clients on a connector configured elsewhere (for example by Spring Boot, with its SSL bundles
	 * and proxy); the connector's own timeouts apply.
	 * @param settings the settings
	 * @param webClientBuilder the builder to start from (cloned)
	 * @param connector the connector
	 * @return the clients
	 */
	public static ZillizCloudClients create(ZillizCloudClientSettings settings, WebClient.Builder webClientBuilder,
			ClientHttpConnector connector) {
		return new ZillizCloudClients(new ControlPlaneClient(settings, webClientBuilder, connector));
	}

	/**
	 * Build the clients on a default {@link WebClient.Builder}.
	 * @param settings the settings
	 * @return the clients
	 */
	public static ZillizCloudClients create(ZillizCloudClientSettings settings) {
		return create(settings, WebClient.builder());
	}

	/**
	 * Return the settings.
	 * @return the settings
	 */
	public ZillizCloudClientSettings settings() {
		return this.engine.settings();
	}

	/**
	 * Return the shared engine (for the upload engine and the Boot starter).
	 * @return the engine
	 */
	public ControlPlaneClient engine() {
		return this.engine;
	}

	/**
	 * Return the reactive stage manager.
	 * @return the manager
	 */
	public ReactiveStageManager reactiveStages() {
		return this.reactiveStages;
	}

	/**
	 * Return the reactive volume manager.
	 * @return the manager
	 */
	public ReactiveVolumeManager reactiveVolumes() {
		return this.reactiveVolumes;
	}

	/**
	 * Return the reactive import jobs.
	 * @return the import jobs
	 */
	public ReactiveImportJobs reactiveImportJobs() {
		return this.reactiveImportJobs;
	}

	/**
	 * Return the reactive merge jobs.
	 * @return the merge jobs
	 */
	public ReactiveMergeJobs reactiveMergeJobs() {
		return this.reactiveMergeJobs;
	}

	/**
	 * Return blocking merge jobs.
	 * @return the merge jobs
	 */
	public MergeJobs mergeJobs() {
		return new MergeJobs(this.reactiveMergeJobs, this.blockTimeout);
	}

	/**
	 * Return a blocking stage manager.
	 * @return the manager
	 */
	public StageManager stages() {
		return new StageManager(this.reactiveStages, this.blockTimeout);
	}

	/**
	 * Return a blocking volume manager.
	 * @return the manager
	 */
	public VolumeManager volumes() {
		return new VolumeManager(this.reactiveVolumes, this.blockTimeout);
	}

	/**
	 * Return blocking import jobs.
	 * @return the import jobs
	 */
	public ImportJobs importJobs() {
		return new ImportJobs(this.reactiveImportJobs, this.blockTimeout);
	}

}
