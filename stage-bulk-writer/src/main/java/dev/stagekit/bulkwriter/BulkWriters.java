package dev.stagekit.bulkwriter;

import java.util.Objects;

import dev.stagekit.client.job.ReactiveImportJobs;
import dev.stagekit.client.Kind;
import dev.stagekit.client.StorageLocation;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.upload.FileManagers;
import dev.stagekit.client.upload.ReactiveFileManager;
import org.jspecify.annotations.Nullable;

/**
 * Creates bulk writers on the shared upload engine, one per batch, each with its schema and target.
 *
 * @since 0.1.0
 */
public final class BulkWriters {

	private final FileManagers fileManagers;

	private final @Nullable ReactiveImportJobs importJobs;

	private final BulkWriterSettings settings;

	/**
	 * Create writers that upload through these file managers and import through these clients.
	 * @param fileManagers the file managers
	 * @param clients the clients (for {@code commitAndImport}), or {@code null}
	 * @param settings the default settings
	 */
	public BulkWriters(FileManagers fileManagers, @Nullable ZillizCloudClients clients, BulkWriterSettings settings) {
		this.fileManagers = Objects.requireNonNull(fileManagers, "fileManagers");
		this.importJobs = (clients != null) ? clients.reactiveImportJobs() : null;
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/**
	 * Return the default settings.
	 * @return the settings
	 */
	public BulkWriterSettings settings() {
		return this.settings;
	}

	/**
	 * Create a blocking writer with the default settings.
	 * @param schema the collection schema
	 * @param target the stage or volume and the target directory
	 * @return the writer
	 */
	public BulkWriter writer(CollectionSchema schema, StorageLocation target) {
		return new BulkWriter(reactiveWriter(schema, target, this.settings, null));
	}

	/**
	 * Create a blocking writer.
	 * @param schema the collection schema
	 * @param target the stage or volume and the target directory
	 * @param settings the settings
	 * @param listener receives progress events, or {@code null}
	 * @return the writer
	 */
	public BulkWriter writer(CollectionSchema schema, StorageLocation target, BulkWriterSettings settings,
			@Nullable BulkWriteProgressListener listener) {
		return new BulkWriter(reactiveWriter(schema, target, settings, listener));
	}

	/**
	 * Create a reactive writer with the default settings.
	 * @param schema the collection schema
	 * @param target the stage or volume and the target directory
	 * @return the writer
	 */
	public ReactiveBulkWriter reactiveWriter(CollectionSchema schema, StorageLocation target) {
		return reactiveWriter(schema, target, this.settings, null);
	}

	/**
	 * Create a reactive writer.
	 * @param schema the collection schema
	 * @param target the stage or volume and the target directory
	 * @param settings the settings
	 * @param listener receives progress events, or {@code null}
	 * @return the writer
	 */
	public ReactiveBulkWriter reactiveWriter(CollectionSchema schema, StorageLocation target,
			BulkWriterSettings settings, @Nullable BulkWriteProgressListener listener) {
		ReactiveFileManager files = (target.kind() == Kind.VOLUME)
				? this.fileManagers.reactiveVolume(target.name()) : this.fileManagers.reactiveStage(target.name());
		return new ReactiveBulkWriter(files, this.importJobs, schema, target.path(), settings, listener);
	}

}
