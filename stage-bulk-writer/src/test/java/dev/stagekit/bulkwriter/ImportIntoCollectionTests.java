package dev.stagekit.bulkwriter;

import java.nio.file.Path;
import java.time.Duration;

import dev.stagekit.client.job.ImportJobProgress;
import dev.stagekit.client.StorageLocation;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.upload.FileManagers;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end case: a collection with a schema, 100,000 rows in several Parquet files, imported,
 * the row count checked. Needs collections in the emulator: once they exist, create the collection with
 * {@link TestRows#articles(int)}'s schema through the emulator and read its row count where marked.
 */
@Disabled("needs emulator collections")
class ImportIntoCollectionTests {

	@TempDir
	Path temp;

	@Test
	void hundredThousandRowsImportIntoTheCollection() {
		try (ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().start()) {
			ZillizCloudClients clients = EmulatorSupport.clients(emulator);
			try (FileManagers files = EmulatorSupport.fileManagers(emulator, clients, (settings) -> settings)) {
				String volume = EmulatorSupport.createVolume(clients);
				// Create collection "articles" with TestRows.articles(768) here once the emulator has collections.
				BulkWriters writers = new BulkWriters(files, clients,
						BulkWriterSettings.builder().localDirectory(this.temp).fileSize(64L * 1024 * 1024).build());
				ImportJobProgress done;
				try (BulkWriter writer = writers.writer(TestRows.articles(768),
						StorageLocation.volume(volume, "articles"))) {
					for (long id = 1; id <= 100_000; id++) {
						writer.append(TestRows.Article.of(id, 768));
					}
					done = writer.commitAndImport("articles", Duration.ofMillis(100));
				}
				assertThat(done.isCompleted()).isTrue();
				assertThat(done.details().size()).isGreaterThan(1);
				assertThat(done.totalRows()).isEqualTo(100_000);
				// And the collection's row count, read through the emulator, is 100,000.
			}
		}
	}

}
