package dev.stagekit.bulkwriter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stagekit.client.StorageLocation;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.job.ImportJobProgress;
import dev.stagekit.client.upload.UploadEmulator;
import dev.stagekit.client.upload.UploadTestSupport;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files written by the bulk writer imported into collections of the emulator, whose import jobs read every file
 * as Milvus's readers do and check it against the collection's schema. The schema is always read back from the
 * collection through {@link CollectionSchemaFetcher}, so the writer cannot disagree with the collection.
 */
class ImportIntoCollectionTests {

	/**
	 * The case uses 768-dimension vectors; 100,000 of them are 307 MB of Parquet to write, upload and
	 * read back on a CI machine of 2 cores, so this test uses 64 dimensions (about 27 MB in several files), the same
	 * column layout.
	 */
	private static final int DIMENSION = 64;

	@RegisterExtension
	static final UploadEmulator upload = UploadEmulator.create();

	private final ZillizCloudEmulator emulator = upload.emulator();

	private final ZillizCloudClients clients = upload.clients();

	private final BulkWriters writers = new BulkWriters(upload.files(), this.clients, BulkWriterSettings.DEFAULTS);

	@TempDir
	Path temp;

	@Test
	void hundredThousandRowsInSeveralFilesImportIntoTheCollection() {
		String volume = EmulatorSupport.createVolume(clients);
		EmulatorSupport.createCollection(emulator, "articles", TestRows.articles(DIMENSION));
		CollectionSchema schema = EmulatorSupport.describe(emulator, "articles");
		assertThat(schema.field("embedding").dimension()).isEqualTo(DIMENSION);
		BulkWriterSettings settings = BulkWriterSettings.builder()
			.localDirectory(this.temp)
			.fileSize(8L * 1024 * 1024)
			.keepLocalFiles(true)
			.build();
		ImportJobProgress done;
		BulkWriteResult result;
		try (BulkWriter writer = writers.writer(schema, StorageLocation.volume(volume, "runs/2026/articles"), settings,
				null)) {
			for (long id = 1; id <= 100_000; id++) {
				writer.append(TestRows.Article.of(id, DIMENSION));
			}
			result = writer.commit();
			done = clients.importJobs()
				.awaitCompletion(clients.importJobs().create(result.importRequest("articles").build()),
						Duration.ofMillis(100), Duration.ofMinutes(2));
		}
		assertThat(done.isCompleted()).isTrue();
		assertThat(done.totalRows()).isEqualTo(100_000);
		assertThat(result.files()).hasSizeGreaterThan(1);
		assertThat(done.details()).hasSize(result.files().size());
		assertThat(emulator.collectionRowCount("articles")).isEqualTo(100_000);
		assertThat(emulator.requestCount("POST /v2/volumes/apply")).isEqualTo(1);
		String prefix = emulator.volumePrefix(volume).orElseThrow();
		String batchDirectory = "runs/2026/articles/" + result.location().path().split("/")[3] + "/";
		assertThat(result.location().path()).isEqualTo(batchDirectory);
		for (int i = 0; i < result.files().size(); i++) {
			BulkFile file = result.files().get(i);
			assertThat(file.path()).isEqualTo(batchDirectory + (i + 1) + ".parquet");
			Path local = this.temp.resolve(result.location().path().split("/")[3]).resolve((i + 1) + ".parquet");
			assertThat(emulator.sha256(prefix + file.path())).isEqualTo(UploadTestSupport.sha256(local));
		}
	}

	/** Every type the emulator checks, with autoId on and off, one small import per format. */
	@ParameterizedTest(name = "{0}, autoId {1}")
	@CsvSource({ "PARQUET, false", "PARQUET, true", "JSON, false", "JSON, true", "CSV, false", "CSV, true",
			"NUMPY, false", "NUMPY, true" })
	void eachFormatImportsEveryCheckedType(BulkFileFormat format, boolean autoId) {
		String collection = "types_" + format.name().toLowerCase(java.util.Locale.ROOT) + "_" + autoId;
		boolean numpy = format == BulkFileFormat.NUMPY;
		CollectionSchema.Builder builder = CollectionSchema.builder()
			.field("id", DataType.INT64, (f) -> f.primaryKey(autoId))
			.field("title", DataType.VARCHAR, (f) -> f.maxLength(64))
			.field("vector", DataType.FLOAT_VECTOR, (f) -> f.dimension(8))
			.field("doc", DataType.JSON)
			.enableDynamicField(true);
		if (!numpy) {
			// Milvus's NumPy reader takes no Array fields.
			builder.field("tags", DataType.ARRAY, (f) -> f.elements(DataType.INT32, 4));
		}
		EmulatorSupport.createCollection(emulator, collection, builder.build());
		CollectionSchema schema = EmulatorSupport.describe(emulator, collection);
		assertThat(schema.primaryKey().autoId()).isEqualTo(autoId);
		assertThat(schema.enableDynamicField()).isTrue();
		String volume = EmulatorSupport.createVolume(clients);
		BulkWriterSettings settings = BulkWriterSettings.builder()
			.localDirectory(this.temp)
			.format(format)
			.fileSize(4 * 1024)
			.build();
		ImportJobProgress done;
		BulkWriteResult result;
		try (BulkWriter writer = writers.writer(schema, StorageLocation.volume(volume, "types"), settings, null)) {
			for (long i = 1; i <= 200; i++) {
				Map<String, Object> row = new LinkedHashMap<>();
				if (!autoId) {
					row.put("id", i);
				}
				row.put("title", "title " + i);
				row.put("vector", new float[] { i, 1, 2, 3, 4, 5, 6, -7.5f });
				row.put("doc", Map.of("n", i, "tag", "t" + (i % 3)));
				if (!numpy) {
					row.put("tags", List.of((int) i, 2, 3));
				}
				row.put("color", "red " + i); // a dynamic field, stored in $meta
				writer.append(row);
			}
			result = writer.commit();
			done = clients.importJobs()
				.awaitCompletion(clients.importJobs().create(result.importRequest(collection).build()),
						Duration.ofMillis(50), Duration.ofMinutes(1));
		}
		assertThat(result.files()).hasSizeGreaterThan(1);
		assertThat(done.isCompleted()).isTrue();
		assertThat(done.totalRows()).isEqualTo(200);
		assertThat(emulator.collectionRowCount(collection)).isEqualTo(200);
		assertThat(emulator.requestCount("POST /v2/volumes/apply")).isEqualTo(1);
	}

}
