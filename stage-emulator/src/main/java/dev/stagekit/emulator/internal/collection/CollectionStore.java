package dev.stagekit.emulator.internal.collection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every cluster's collections, thread-safe, kept in creation order and, with a data directory, persisted to
 * {@code collections.json} after every change.
 */
public final class CollectionStore {

	/** The database a request means when it names none. */
	public static final String DEFAULT_DB = "default";

	private final Map<String, Collection> collections = new LinkedHashMap<>();

	private final AtomicLong ids = new AtomicLong(System.currentTimeMillis() << 10);

	private final JsonMapper mapper;

	private final Clock clock;

	private final @Nullable Path file;

	public CollectionStore(JsonMapper mapper, Clock clock, @Nullable Path dataDirectory) {
		this.mapper = mapper;
		this.clock = clock;
		this.file = (dataDirectory != null) ? dataDirectory.resolve("collections.json") : null;
		if (this.file != null && Files.exists(this.file)) {
			for (Collection collection : this.mapper.readValue(this.file.toFile(), Snapshot.class).collections()) {
				this.collections.put(key(collection.clusterId(), collection.dbName(), collection.name()), collection);
			}
		}
	}

	public Clock clock() {
		return this.clock;
	}

	/** {@code dbName}, or the default database when it is null or empty. */
	public static String db(@Nullable String dbName) {
		return (dbName == null || dbName.isEmpty()) ? DEFAULT_DB : dbName;
	}

	/**
	 * Creates a collection visible from {@code visibleFrom}. Creating one that exists with the same schema
	 * succeeds and changes nothing (as Milvus does); with another schema it is refused.
	 */
	public synchronized Collection create(String clusterId, String dbName, String name, CollectionSchema schema,
			Instant visibleFrom) {
		String key = key(clusterId, dbName, name);
		Collection existing = this.collections.get(key);
		if (existing != null) {
			if (existing.schema().equals(schema)) {
				return existing;
			}
			throw MilvusException.invalid("create duplicate collection with different parameters, collection: " + name);
		}
		Collection created = new Collection(clusterId, dbName, name, this.ids.incrementAndGet(), schema, visibleFrom,
				List.of());
		this.collections.put(key, created);
		save();
		return created;
	}

	/** Whether a collection of that name exists or will appear (a running merge's destination). */
	public synchronized boolean taken(String clusterId, String dbName, String name) {
		return this.collections.containsKey(key(clusterId, dbName, name));
	}

	/** The collection, if it exists now. */
	public synchronized Optional<Collection> find(String clusterId, String dbName, String name) {
		Collection collection = this.collections.get(key(clusterId, dbName, name));
		Instant now = this.clock.instant();
		return (collection != null && !collection.visibleFrom().isAfter(now)) ? Optional.of(collection)
				: Optional.empty();
	}

	/** The collection, or Milvus's "collection not found". */
	public Collection get(String clusterId, String dbName, String name) {
		return find(clusterId, dbName, name).orElseThrow(() -> MilvusException.collectionNotFound(dbName, name));
	}

	/** The names of a database's collections that exist now, in creation order. */
	public synchronized List<String> names(String clusterId, String dbName) {
		Instant now = this.clock.instant();
		List<String> names = new ArrayList<>();
		for (Collection collection : this.collections.values()) {
			if (collection.clusterId().equals(clusterId) && collection.dbName().equals(dbName)
					&& !collection.visibleFrom().isAfter(now)) {
				names.add(collection.name());
			}
		}
		return names;
	}

	/** Drops a collection; dropping one that does not exist succeeds, as in Milvus. */
	public synchronized boolean drop(String clusterId, String dbName, String name) {
		boolean dropped = this.collections.remove(key(clusterId, dbName, name)) != null;
		if (dropped) {
			save();
		}
		return dropped;
	}

	/**
	 * Adds rows a job brings into a collection, visible from {@code visibleFrom}, or held until
	 * {@link #release} when {@code held}.
	 */
	public synchronized void addRows(Collection target, String jobId, long count, Instant visibleFrom, boolean held) {
		String key = key(target.clusterId(), target.dbName(), target.name());
		Collection current = this.collections.get(key);
		if (current != null && current.collectionId() == target.collectionId()) {
			this.collections.put(key, current.withRows(new Collection.Rows(jobId, count, visibleFrom, false, held)));
			save();
		}
	}

	/** Withdraws the rows a job added (the job was aborted before they counted). */
	public synchronized void cancel(String jobId) {
		this.collections.replaceAll((key, collection) -> collection.cancelling(jobId));
		save();
	}

	/** Makes the held rows of a two-phase import count, from its completion or {@code committedAt}, the later. */
	public synchronized void release(String jobId, Instant committedAt) {
		this.collections.replaceAll((key, collection) -> collection.releasing(jobId, committedAt));
		save();
	}

	/** A collection's row count now. */
	public long rowCount(Collection collection) {
		return find(collection.clusterId(), collection.dbName(), collection.name())
			.map((current) -> current.rowCount(this.clock.instant()))
			.orElse(0L);
	}

	private static String key(String clusterId, String dbName, String name) {
		return clusterId + "\u0000" + dbName + "\u0000" + name;
	}

	private void save() {
		if (this.file == null) {
			return;
		}
		try {
			Files.createDirectories(this.file.getParent());
			Path temp = Files.createTempFile(this.file.getParent(), "collections", ".json.tmp");
			try {
				Files.write(temp, this.mapper.writeValueAsBytes(new Snapshot(new ArrayList<>(this.collections.values()))));
				Files.move(temp, this.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the collections to " + this.file, ex);
		}
	}

	/**
	 * What {@code collections.json} holds.
	 *
	 * @param collections every collection
	 */
	record Snapshot(List<Collection> collections) {

		Snapshot {
			collections = (collections != null) ? collections : List.of();
		}

	}

}
