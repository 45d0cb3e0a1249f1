package dev.stagekit.emulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.stagekit.emulator.ErrorCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The control plane's volumes, stages, import jobs and their idempotency keys, thread-safe, kept in creation order
 * and, with a data directory, persisted to {@code state.json} after every change.
 */
final class ControlPlaneState {

	private final Map<String, Container> volumes = new LinkedHashMap<>();

	private final Map<String, Container> stages = new LinkedHashMap<>();

	private final Map<String, ImportJob> jobs = new LinkedHashMap<>();

	private final Map<String, ImportIdempotency.Entry> idempotencyKeys = new LinkedHashMap<>();

	private final JsonMapper mapper;

	private final @Nullable Path file;

	ControlPlaneState(JsonMapper mapper, @Nullable Path dataDirectory) {
		this.mapper = mapper;
		this.file = (dataDirectory != null) ? dataDirectory.resolve("state.json") : null;
		load();
	}

	synchronized List<Container> list(ContainerKind kind) {
		return List.copyOf(containers(kind).values());
	}

	synchronized Optional<Container> find(ContainerKind kind, String name) {
		return Optional.ofNullable(containers(kind).get(name));
	}

	/**
	 * Adds a container unless its name is taken or more than {@code maxOfType} of its type would
	 * exist.
	 */
	synchronized void add(ContainerKind kind, Container container, int maxOfType) {
		Map<String, Container> all = containers(kind);
		if (all.containsKey(container.name())) {
			throw new ApiException(kind.alreadyExists(),
					kind.nameField() + " '" + container.name() + "' already exists");
		}
		long sameType = all.values().stream().filter((other) -> other.type().equals(container.type())).count();
		if (sameType >= maxOfType) {
			throw new ApiException(ErrorCode.QUOTA_EXCEEDED, "cannot create " + kind.nameField() + " '"
					+ container.name() + "': at most " + maxOfType + " " + container.type() + " " + kind.noun()
					+ "s are allowed");
		}
		all.put(container.name(), container);
		save();
	}

	synchronized Optional<Container> remove(ContainerKind kind, String name) {
		Container removed = containers(kind).remove(name);
		if (removed != null) {
			save();
		}
		return Optional.ofNullable(removed);
	}

	synchronized void addJob(ImportJob job) {
		this.jobs.put(job.jobId(), job);
		save();
	}

	synchronized Optional<ImportJob> job(String jobId) {
		return Optional.ofNullable(this.jobs.get(jobId));
	}

	synchronized List<ImportJob> jobs() {
		return List.copyOf(this.jobs.values());
	}

	/** Replaces a job with {@code change} applied to it, if it exists. */
	synchronized Optional<ImportJob> updateJob(String jobId, UnaryOperator<ImportJob> change) {
		ImportJob job = this.jobs.get(jobId);
		if (job == null) {
			return Optional.empty();
		}
		ImportJob changed = change.apply(job);
		if (changed != job) {
			this.jobs.put(jobId, changed);
			save();
		}
		return Optional.of(changed);
	}

	/** The remembered create of an idempotency key, after forgetting those remembered before {@code oldest}. */
	synchronized Optional<ImportIdempotency.Entry> idempotencyKey(String id, Instant oldest) {
		if (this.idempotencyKeys.values().removeIf((entry) -> entry.at().isBefore(oldest))) {
			save();
		}
		return Optional.ofNullable(this.idempotencyKeys.get(id));
	}

	synchronized void rememberIdempotencyKey(String id, ImportIdempotency.Entry entry) {
		this.idempotencyKeys.put(id, entry);
		save();
	}

	private Map<String, Container> containers(ContainerKind kind) {
		return kind.typed() ? this.volumes : this.stages;
	}

	private void load() {
		if (this.file == null || !Files.exists(this.file)) {
			return;
		}
		Snapshot snapshot = this.mapper.readValue(this.file.toFile(), Snapshot.class);
		snapshot.volumes().forEach((volume) -> this.volumes.put(volume.name(), volume));
		snapshot.stages().forEach((stage) -> this.stages.put(stage.name(), stage));
		snapshot.jobs().forEach((job) -> this.jobs.put(job.jobId(), job));
		this.idempotencyKeys.putAll(snapshot.idempotencyKeys());
	}

	private void save() {
		if (this.file == null) {
			return;
		}
		Snapshot snapshot = new Snapshot(new ArrayList<>(this.volumes.values()),
				new ArrayList<>(this.stages.values()), new ArrayList<>(this.jobs.values()),
				new LinkedHashMap<>(this.idempotencyKeys));
		try {
			Files.createDirectories(this.file.getParent());
			Path temp = Files.createTempFile(this.file.getParent(), "state", ".json.tmp");
			try {
				Files.write(temp, this.mapper.writeValueAsBytes(snapshot));
				Files.move(temp, this.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the control-plane state to " + this.file, ex);
		}
	}

	/**
	 * What {@code state.json} holds.
	 *
	 * @param volumes every volume
	 * @param stages every stage
	 * @param jobs every import job
	 * @param idempotencyKeys the remembered import creates, by collection scope and key
	 */
	record Snapshot(List<Container> volumes, List<Container> stages, List<ImportJob> jobs,
			Map<String, ImportIdempotency.Entry> idempotencyKeys) {

		Snapshot {
			volumes = (volumes != null) ? volumes : List.of();
			stages = (stages != null) ? stages : List.of();
			jobs = (jobs != null) ? jobs : List.of();
			idempotencyKeys = (idempotencyKeys != null) ? idempotencyKeys : Map.of();
		}

	}

}
