package dev.stagekit.client.internal;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.stagekit.client.Kind;
import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.control.ReactiveStageManager;
import dev.stagekit.client.control.ReactiveVolumeManager;
import dev.stagekit.client.job.ReactiveImportJobs;
import dev.stagekit.client.job.ReactiveMergeJobs;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The control plane behind one {@code ZillizCloudClients}: one HTTP client and the reactive faces built on
 * it, plus the {@code apply} call that the upload engine needs.
 *
 * <p>Public because two other packages need it: {@code ZillizCloudClients} builds it, and the upload engine
 * ({@code dev.stagekit.client.upload.internal}) obtains temporary credentials through it. Applications never
 * see it: {@code ZillizCloudClients} keeps it private and hands it only to {@link #of(Object)}. This type
 * does not name {@code ZillizCloudClients}, so that the two do not depend on each other.
 *
 * @since 0.1.0
 */
public final class ControlPlane {

	private static volatile @Nullable Function<Object, ControlPlane> access;

	private final ControlPlaneClient client;

	private final ReactiveStageManager stages;

	private final ReactiveVolumeManager volumes;

	private final ReactiveImportJobs importJobs;

	private final ReactiveMergeJobs mergeJobs;

	private ControlPlane(ControlPlaneClient client, int listAllPageSize) {
		this.client = client;
		this.stages = new DefaultReactiveStageManager(client);
		this.volumes = new DefaultReactiveVolumeManager(client, listAllPageSize);
		this.importJobs = new DefaultReactiveImportJobs(client);
		this.mergeJobs = new DefaultReactiveMergeJobs(client);
	}

	/**
	 * Build the control plane.
	 * @param settings the settings
	 * @param webClientBuilder a builder to start from (cloned, not modified)
	 * @param connector the connector to use (its own timeouts, TLS and proxy apply), or {@code null} for a
	 * Reactor Netty connector with the settings' timeouts
	 * @param customizer customizes the builder after the client's settings, before the API key filter
	 * @return the control plane
	 */
	public static ControlPlane create(ZillizCloudClientSettings settings, WebClient.Builder webClientBuilder,
			@Nullable ClientHttpConnector connector, Consumer<WebClient.Builder> customizer) {
		return new ControlPlane(new ControlPlaneClient(settings, webClientBuilder, connector, customizer),
				ResourceManager.LIST_ALL_PAGE_SIZE);
	}

	/**
	 * Return a copy whose volume manager streams {@code listAll} in pages of another size (for tests of paging).
	 * @param listAllPageSize the page size (1..100)
	 * @return the control plane
	 */
	public ControlPlane withListAllPageSize(int listAllPageSize) {
		return new ControlPlane(this.client, listAllPageSize);
	}

	/**
	 * Called once by {@code ZillizCloudClients} to let {@link #of(Object)} reach its private control plane.
	 * @param accessor reads the control plane of a clients instance
	 */
	public static void grantAccess(Function<Object, ControlPlane> accessor) {
		if (access != null) {
			throw new IllegalStateException("Access to the control plane was granted already");
		}
		access = accessor;
	}

	/**
	 * Return the control plane of a clients instance.
	 * @param clients the {@code ZillizCloudClients}
	 * @return its control plane
	 */
	public static ControlPlane of(Object clients) {
		Function<Object, ControlPlane> accessor = access;
		// Set when ZillizCloudClients is initialised, which it is once an instance exists.
		return Objects.requireNonNull(accessor, "ZillizCloudClients is not initialised").apply(clients);
	}

	/**
	 * Check a stage or volume name before any request.
	 * @param kind the kind
	 * @param name the name
	 * @return the name
	 */
	public static String checkName(Kind kind, String name) {
		return Validation.name(KindApi.of(kind).nameField(), name);
	}

	/**
	 * Return the settings.
	 * @return the settings
	 */
	public ZillizCloudClientSettings settings() {
		return this.client.settings();
	}

	/**
	 * Obtain upload target and temporary credentials for a directory of a stage or volume (retried).
	 * @param kind stage or volume
	 * @param name the stage or volume name
	 * @param path the target directory ending with '/', or {@code ""} for the root
	 * @return the apply answer
	 */
	public Mono<ApplyResult> apply(Kind kind, String name, String path) {
		return this.client.apply(kind, name, path);
	}

	/**
	 * Return the stage manager.
	 * @return the manager
	 */
	public ReactiveStageManager stages() {
		return this.stages;
	}

	/**
	 * Return the volume manager.
	 * @return the manager
	 */
	public ReactiveVolumeManager volumes() {
		return this.volumes;
	}

	/**
	 * Return the import jobs.
	 * @return the import jobs
	 */
	public ReactiveImportJobs importJobs() {
		return this.importJobs;
	}

	/**
	 * Return the merge jobs.
	 * @return the merge jobs
	 */
	public ReactiveMergeJobs mergeJobs() {
		return this.mergeJobs;
	}

}
