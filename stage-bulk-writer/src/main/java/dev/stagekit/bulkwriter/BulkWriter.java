package dev.stagekit.bulkwriter;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import dev.stagekit.client.job.ImportJobProgress;
import dev.stagekit.client.StorageLocation;
import dev.stagekit.client.ZillizCloudException;
import reactor.core.publisher.Mono;

/**
 * Blocking face of a {@link ReactiveBulkWriter}, for one batch. Use it in try-with-resources: closing a
 * writer that was not committed abandons the batch and deletes its local files.
 *
 * <pre>{@code
 * try (BulkWriter writer = bulkWriters.writer(schema, StorageLocation.volume("my_volume", "articles"))) {
 *     for (Article article : articles) {
 *         writer.append(article);
 *     }
 *     BulkWriteResult result = writer.commit();
 *     importJobs.create(result.importRequest("articles").build());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class BulkWriter implements AutoCloseable {

	private final ReactiveBulkWriter reactive;

	BulkWriter(ReactiveBulkWriter reactive) {
		this.reactive = reactive;
	}

	/**
	 * Check a row and write it; blocks while too many finished files wait for upload.
	 * @param row a {@code Map<String, Object>} or a record
	 * @throws InvalidRowException if the row does not match the schema (nothing of it is written)
	 * @throws BulkWriteException if the batch failed
	 */
	public void append(Object row) {
		this.reactive.append(row);
	}

	/**
	 * Finish the last file, wait for every upload and return what to import.
	 * @return the result
	 * @throws BulkWriteException if a file failed
	 */
	public BulkWriteResult commit() {
		return await(this.reactive.commit());
	}

	/**
	 * Commit, import into a collection and wait for the import job to complete.
	 * @param collectionName the collection
	 * @param pollInterval the delay between progress polls
	 * @return the job's last progress
	 */
	public ImportJobProgress commitAndImport(String collectionName, Duration pollInterval) {
		return await(this.reactive.commitAndImport(collectionName, pollInterval));
	}

	/**
	 * Return where the batch's files go.
	 * @return the location
	 */
	public StorageLocation location() {
		return this.reactive.location();
	}

	/**
	 * Return the reactive writer behind this one (for its progress flux).
	 * @return the reactive writer
	 */
	public ReactiveBulkWriter reactive() {
		return this.reactive;
	}

	@Override
	public void close() {
		this.reactive.close();
	}

	static <T> T await(Mono<T> mono) {
		CompletableFuture<T> future = mono.toFuture();
		try {
			T value = future.get();
			if (value == null) {
				throw new IllegalStateException("The call completed without a value");
			}
			return value;
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw new BulkWriteException("Interrupted while waiting for the batch", null, 0, 0, ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof ZillizCloudException zce) {
				throw zce;
			}
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new BulkWriteException("The batch failed: " + cause, null, 0, 0, cause);
		}
	}

}
