package dev.stagekit.client;

import java.time.Duration;
import java.util.function.Consumer;

import dev.stagekit.client.control.ReactiveStageManager;
import dev.stagekit.client.control.ReactiveVolumeManager;
import dev.stagekit.client.control.StageManager;
import dev.stagekit.client.control.VolumeManager;
import dev.stagekit.client.internal.Blocking;
import dev.stagekit.client.internal.ControlPlane;
import dev.stagekit.client.job.ImportJobs;
import dev.stagekit.client.job.MergeJobs;
import dev.stagekit.client.job.ReactiveImportJobs;
import dev.stagekit.client.job.ReactiveMergeJobs;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * All Zilliz Cloud control-plane clients built on one shared HTTP client; hand it to
 * {@link dev.stagekit.client.upload.FileManagers#builder(ZillizCloudClients)} to upload files.
 *
 * @since 0.1.0
 */
public final class ZillizCloudClients {

	static {
		ControlPlane.grantAccess((clients) -> ((ZillizCloudClients) clients).controlPlane);
	}

	private final ControlPlane controlPlane;

	private final Duration blockTimeout;

	private ZillizCloudClients(ControlPlane controlPlane) {
		this.controlPlane = controlPlane;
		this.blockTimeout = Blocking.defaultTimeout(controlPlane.settings());
	}

	/**
	 * Build the clients.
	 * @param settings the settings
	 * @param webClientBuilder the builder to start from (cloned)
	 * @return the clients
	 */
	public static ZillizCloudClients create(ZillizCloudClientSettings settings, WebClient.Builder webClientBuilder) {
		return create(settings, webClientBuilder, null);
	}

	/**
	 * Build the clients on a connector configured elsewhere (for example by Spring Boot, with its SSL bundles
	 * and proxy); the connector's own timeouts apply.
	 * @param settings the settings
	 * @param webClientBuilder the builder to start from (cloned)
	 * @param connector the connector, or {@code null} for a Reactor Netty connector with the settings' timeouts
	 * @return the clients
	 */
	public static ZillizCloudClients create(ZillizCloudClientSettings settings, WebClient.Builder webClientBuilder,
			@Nullable ClientHttpConnector connector) {
		return create(settings, webClientBuilder, connector, (builder) -> {
		});
	}

	/**
	 * Build the clients and customize their {@link WebClient.Builder} after the client's own settings (base
	 * URL, connector, User-Agent), as Spring Boot applies user customizers last; the API key filter is added
	 * after the customizer.
	 * @param settings the settings
	 * @param webClientBuilder the builder to start from (cloned)
	 * @param connector the connector, or {@code null} for a Reactor Netty connector with the settings' timeouts
	 * @param customizer customizes the builder
	 * @return the clients
	 */
	public static ZillizCloudClients create(ZillizCloudClientSettings settings, WebClient.Builder webClientBuilder,
			@Nullable ClientHttpConnector connector, Consumer<WebClient.Builder> customizer) {
		return new ZillizCloudClients(ControlPlane.create(settings, webClientBuilder, connector, customizer));
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
		return this.controlPlane.settings();
	}

	/**
	 * Return the reactive stage manager.
	 * @return the manager
	 */
	public ReactiveStageManager reactiveStages() {
		return this.controlPlane.stages();
	}

	/**
	 * Return the reactive volume manager.
	 * @return the manager
	 */
	public ReactiveVolumeManager reactiveVolumes() {
		return this.controlPlane.volumes();
	}

	/**
	 * Return the reactive import jobs.
	 * @return the import jobs
	 */
	public ReactiveImportJobs reactiveImportJobs() {
		return this.controlPlane.importJobs();
	}

	/**
	 * Return the reactive merge jobs.
	 * @return the merge jobs
	 */
	public ReactiveMergeJobs reactiveMergeJobs() {
		return this.controlPlane.mergeJobs();
	}

	/**
	 * Return a blocking stage manager.
	 * @return the manager
	 */
	public StageManager stages() {
		return new StageManager(reactiveStages(), this.blockTimeout);
	}

	/**
	 * Return a blocking volume manager.
	 * @return the manager
	 */
	public VolumeManager volumes() {
		return new VolumeManager(reactiveVolumes(), this.blockTimeout);
	}

	/**
	 * Return blocking import jobs.
	 * @return the import jobs
	 */
	public ImportJobs importJobs() {
		return new ImportJobs(reactiveImportJobs(), this.blockTimeout);
	}

	/**
	 * Return blocking merge jobs.
	 * @return the merge jobs
	 */
	public MergeJobs mergeJobs() {
		return new MergeJobs(reactiveMergeJobs(), this.blockTimeout);
	}

}
