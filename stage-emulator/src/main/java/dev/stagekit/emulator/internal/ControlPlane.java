package dev.stagekit.emulator.internal;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import dev.stagekit.emulator.ControlPlaneFault;
import dev.stagekit.emulator.EmulatorSettings;
import dev.stagekit.emulator.internal.collection.CollectionStore;
import jakarta.servlet.http.HttpServlet;
import tools.jackson.databind.json.JsonMapper;

/**
 * The control plane: volumes, legacy stages, {@code apply}, import jobs and the
 * {@code /_emulator/} hooks, served by one servlet.
 */
public final class ControlPlane implements AutoCloseable {

	private static final String JOBS = "/v2/vectordb/jobs/import/";

	private final ControlPlaneState state;

	private final CollectionStore collections;

	private final FaultBook<ControlPlaneFault> faults = new FaultBook<>();

	private final ScheduledExecutorService scheduler;

	private final ControlPlaneServlet servlet;

	public ControlPlane(EmulatorSettings settings, SessionRegistry sessions, ObjectStore objects,
			RequestCounters counters, Supplier<String> dataPlaneEndpoint, DataPlane dataPlane,
			Supplier<Map<String, Object>> info, Supplier<List<URI>> dataPlaneUrls) {
		JsonMapper mapper = JsonMapper.builder().build();
		Clock clock = Clock.systemUTC();
		this.state = new ControlPlaneState(mapper, settings.dataDirectory());
		Containers containers = new Containers(settings, this.state, sessions, objects, dataPlaneEndpoint, clock);
		this.collections = new CollectionStore(mapper, clock, settings.dataDirectory());
		ImportJobs jobs = new ImportJobs(settings, this.state, containers, objects, this.collections, sessions,
				dataPlaneUrls, mapper, clock);
		List<Route> routes = new ArrayList<>();
		for (ContainerKind kind : List.of(ContainerKind.VOLUME, ContainerKind.STAGE)) {
			String base = "/v2/" + kind.listField();
			routes.add(new Route("GET", base, (call) -> containers.list(kind, call)));
			routes.add(new Route("POST", base + "/create", (call) -> containers.create(kind, call)));
			routes.add(new Route("POST", base + "/apply", (call) -> containers.apply(kind, call)));
			if (kind.typed()) {
				routes.add(new Route("GET", base + "/{name}", (call) -> containers.describe(kind, call)));
			}
			routes.add(new Route("DELETE", base + "/{name}", (call) -> containers.delete(kind, call)));
		}
		routes.add(new Route("POST", JOBS + "create", jobs::create));
		for (String progress : List.of("describe", "getProgress", "get_progress")) {
			routes.add(new Route("POST", JOBS + progress, jobs::describe));
		}
		routes.add(new Route("POST", JOBS + "list", jobs::list));
		routes.add(new Route("POST", JOBS + "commit", jobs::commit));
		routes.add(new Route("POST", JOBS + "abort", jobs::abort));
		MergeJobs merges = new MergeJobs(settings, containers, objects, this.collections, mapper, clock);
		routes.add(new Route("POST", "/v2/etl/merge", merges::merge));
		routes.add(new Route("GET", "/v2/jobs/{name}", merges::describe));
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "zilliz-emulator-latency");
			thread.setDaemon(true);
			return thread;
		});
		this.servlet = new ControlPlaneServlet(routes, settings.apiKey(), settings.maxRequestBodySize(), counters, this.faults,
				new EmulatorHooks(objects, counters, sessions, this, dataPlane, info, mapper,
						settings.maxRequestBodySize()),
				mapper, this.scheduler);
	}

	public HttpServlet servlet() {
		return this.servlet;
	}

	/** Every cluster's collections, which the clusters' endpoints serve. */
	public CollectionStore collections() {
		return this.collections;
	}

	/** Adds a fault for the next {@code fault.times()} matching calls. */
	public void inject(ControlPlaneFault fault) {
		this.faults.add(fault, 0, fault.times());
	}

	public void clearFaults() {
		this.faults.clear();
	}

	/** The key prefix of an existing volume's files. */
	public Optional<String> volumePrefix(String name) {
		return this.state.find(ContainerKind.VOLUME, name).map(Container::prefix);
	}

	/** The key prefix of an existing stage's files. */
	public Optional<String> stagePrefix(String name) {
		return this.state.find(ContainerKind.STAGE, name).map(Container::prefix);
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
