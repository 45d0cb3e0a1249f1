package dev.stagekit.emulator.internal.collection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A collection of one cluster's database, with the rows imports and merges put in it.
 *
 * @param clusterId the cluster it lives on
 * @param dbName its database
 * @param name its name
 * @param collectionId its id
 * @param schema its schema
 * @param visibleFrom when it appears (a merge's destination appears when the merge ends)
 * @param rows rows added, each visible from its instant
 */
public record Collection(String clusterId, String dbName, String name, long collectionId, CollectionSchema schema,
		Instant visibleFrom, List<Rows> rows) {

	public Collection {
		rows = List.copyOf(rows);
	}

	/** Its row count at {@code now}: the rows of every addition that is visible, committed and not cancelled. */
	public long rowCount(Instant now) {
		return this.rows.stream()
			.filter((added) -> !added.cancelled() && !added.held() && !added.visibleFrom().isAfter(now))
			.mapToLong(Rows::count)
			.sum();
	}

	Collection withRows(Rows added) {
		List<Rows> all = new ArrayList<>(this.rows);
		all.add(added);
		return new Collection(this.clusterId, this.dbName, this.name, this.collectionId, this.schema,
				this.visibleFrom, all);
	}

	Collection cancelling(String jobId) {
		return changing(jobId, (added) -> new Rows(added.jobId(), added.count(), added.visibleFrom(), true, added.held()));
	}

	Collection releasing(String jobId, Instant committedAt) {
		return changing(jobId, (added) -> new Rows(added.jobId(), added.count(),
				added.visibleFrom().isAfter(committedAt) ? added.visibleFrom() : committedAt, added.cancelled(), false));
	}

	private Collection changing(String jobId, UnaryOperator<Rows> change) {
		List<Rows> all = this.rows.stream().map((added) -> added.jobId().equals(jobId) ? change.apply(added) : added).toList();
		return new Collection(this.clusterId, this.dbName, this.name, this.collectionId, this.schema,
				this.visibleFrom, all);
	}

	/**
	 * Rows a job added.
	 *
	 * @param jobId the import or merge job
	 * @param count how many
	 * @param visibleFrom when the job completes
	 * @param cancelled whether the job was aborted before its rows counted
	 * @param held whether the rows wait for the commit of a two-phase import ({@code auto_commit} "false")
	 */
	public record Rows(String jobId, long count, Instant visibleFrom, boolean cancelled, boolean held) {
	}

}
