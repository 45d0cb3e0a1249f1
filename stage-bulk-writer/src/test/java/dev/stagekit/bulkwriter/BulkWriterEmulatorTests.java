package dev.stagekit.bulkwriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.stagekit.client.job.ImportJobProgress;
import dev.stagekit.client.job.ImportRequest;
import dev.stagekit.client.StorageLocation;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.upload.UploadEmulator;
import dev.stagekit.client.upload.UploadTestSupport;
import dev.stagekit.emulator.DataPlaneFault;
import dev.stagekit.emulator.StoredObject;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Batches written into volumes of the emulator, whose data plane is a real S3 store.
 */
class BulkWriterEmulatorTests {

	private static final long MIB = 1024 * 1024;

	@RegisterExtension
	static final UploadEmulator upload = UploadEmulator.create().uploads((settings) -> settings.partSize(5 * MIB));

	private final ZillizCloudEmulator emulator = upload.emulator();

	private final ZillizCloudClients clients = upload.clients();

	private final BulkWriters writers = new BulkWriters(upload.files(), this.clients, BulkWriterSettings.DEFAULTS);

	@TempDir
	Path temp;

	private BulkWriterSettings.Builder settings() {
		return BulkWriterSettings.builder().localDirectory(this.temp).rowGroupSize(256 * 1024);
	}

	private String prefix(String volume) {
		return emulator.volumePrefix(volume).orElseThrow();
	}

	@Test
	void rollsIntoSeveralFilesStoredByteIdenticalUnderTheNestedPath() {
		String volume = EmulatorSupport.createVolume(clients);
		List<BulkWriteProgress> events = new CopyOnWriteArrayList<>();
		BulkWriterSettings settings = settings().fileSize(256 * 1024).keepLocalFiles(true).build();
		BulkWriteResult result;
		String batchId;
		try (BulkWriter writer = writers.writer(TestRows.articles(64),
				StorageLocation.volume(volume, "runs\\2026/./day-1/"), settings, events::add)) {
			for (long id = 1; id <= 3000; id++) {
				writer.append(TestRows.Article.of(id, 64));
			}
			batchId = writer.reactive().batchId();
			result = writer.commit();
		}
		String base = "runs/2026/day-1/" + batchId + "/";
		assertThat(result.location()).isEqualTo(StorageLocation.volume(volume, base));
		assertThat(result.rows()).isEqualTo(3000);
		assertThat(result.files()).hasSizeGreaterThanOrEqualTo(3);
		long next = 1;
		for (int i = 0; i < result.files().size(); i++) {
			BulkFile file = result.files().get(i);
			assertThat(file.path()).isEqualTo(base + (i + 1) + ".parquet");
			assertThat(file.key()).isEqualTo(prefix(volume) + file.path());
			assertThat(file.firstRow()).isEqualTo(next);
			next = file.lastRow() + 1;
			Path local = this.temp.resolve(batchId).resolve((i + 1) + ".parquet");
			assertThat(emulator.object(file.key()).orElseThrow().size()).isEqualTo(file.size()).isEqualTo(
					local.toFile().length());
			assertThat(emulator.sha256(file.key())).isEqualTo(UploadTestSupport.sha256(local));
			List<Group> rows = TestRows.readParquet(local);
			assertThat(rows).hasSize((int) file.rows());
			assertThat(rows.get(0).getLong("id", 0)).isEqualTo(file.firstRow());
			assertThat(rows.get(0).getString("title", 0)).isEqualTo("article " + file.firstRow());
			assertThat(TestRows.floats(rows.get(0), "embedding")).hasSize(64);
		}
		assertThat(next - 1).isEqualTo(3000);
		assertThat(emulator.listObjects(prefix(volume) + base)).hasSize(result.files().size());
		assertThat(emulator.listObjects(prefix(volume))).allMatch((stored) -> !stored.key().contains("\\"));
		// One credentials session for the whole batch, however many files it holds.
		assertThat(emulator.requestCount("POST /v2/volumes/apply")).isEqualTo(1);
		assertThat(emulator.requestCount("s3:PutObject")).isEqualTo(result.files().size());
		BulkWriteProgress last = events.get(events.size() - 1);
		assertThat(last.done()).isTrue();
		assertThat(last.rows()).isEqualTo(3000);
		assertThat(last.filesWritten()).isEqualTo(result.files().size());
		assertThat(last.filesUploaded()).isEqualTo(result.files().size());
		assertThat(last.bytesWritten()).isEqualTo(result.bytes());
		assertThat(last.bytesUploaded()).isEqualTo(result.bytes());
		ImportRequest request = result.importRequest("articles").build();
		assertThat(request.sourceName()).isEqualTo(volume);
		assertThat(request.dataPaths()).containsExactlyElementsOf(result.dataPaths());
	}

	@Test
	void localFilesAreDeletedAfterUploadByDefault() throws Exception {
		String volume = EmulatorSupport.createVolume(clients);
		BulkWriteResult result;
		try (BulkWriter writer = writers.writer(TestRows.articles(8), StorageLocation.volume(volume, "d"),
				settings().format(BulkFileFormat.CSV).fileSize(16 * 1024).build(), null)) {
			for (long id = 1; id <= 500; id++) {
				writer.append(TestRows.Article.of(id, 8));
			}
			result = writer.commit();
		}
		assertThat(result.files()).hasSizeGreaterThan(1);
		try (var left = Files.list(this.temp)) {
			assertThat(left).isEmpty();
		}
		String text = new String(emulator.openObject(result.files().get(0).key()).readAllBytes());
		assertThat(text).startsWith("id,title,embedding\n1,article 1,\"[");
	}

	@Test
	void reactiveWriteTakesAFluxAndReportsProgress() {
		String volume = EmulatorSupport.createVolume(clients);
		ReactiveBulkWriter writer = writers.reactiveWriter(TestRows.articles(16), StorageLocation.volume(volume, "r"),
				settings().format(BulkFileFormat.JSON).fileSize(64 * 1024).build(), null);
		List<BulkWriteProgress> progress = new ArrayList<>();
		writer.progress().subscribe(progress::add);
		StepVerifier.create(writer.write(Flux.range(1, 2000).map((id) -> TestRows.Article.of(id, 16))))
			.assertNext((result) -> {
				assertThat(result.rows()).isEqualTo(2000);
				assertThat(result.files()).hasSizeGreaterThan(1);
				assertThat(result.files().stream().mapToLong(BulkFile::rows).sum()).isEqualTo(2000);
			})
			.verifyComplete();
		assertThat(progress).isNotEmpty();
		assertThat(progress.get(progress.size() - 1).done()).isTrue();
	}

	@Test
	void commitAndImportFollowsTheJob() {
		String volume = EmulatorSupport.createVolume(clients);
		EmulatorSupport.createCollection(emulator, "articles", TestRows.articles(8));
		ImportJobProgress done;
		try (BulkWriter writer = writers.writer(TestRows.articles(8), StorageLocation.volume(volume, "import"),
				settings().format(BulkFileFormat.JSON).fileSize(32 * 1024).build(), null)) {
			for (long id = 1; id <= 1000; id++) {
				writer.append(Map.of("id", id, "title", "t" + id, "embedding", TestRows.Article.of(id, 8).embedding()));
			}
			done = writer.commitAndImport("articles", Duration.ofMillis(20));
		}
		assertThat(done.isCompleted()).isTrue();
		assertThat(done.totalRows()).isEqualTo(1000);
		assertThat(done.details().size()).isGreaterThan(1);
		assertThat(emulator.collectionRowCount("articles")).isEqualTo(1000);
	}

	@Test
	void aFailedUploadMidBatchAbortsLeavesNoIncompleteUploadAndNamesTheRows() throws Exception {
		String volume = EmulatorSupport.createVolume(clients);
		// 12 MiB files go in 5 MiB parts, one file in upload at a time; part 2 of the second file fails for good.
		emulator.inject(DataPlaneFault.error(400, "InvalidArgument").onPart(2).after(1));
		BulkWriterSettings settings = settings().fileSize(12 * MIB).rowGroupSize(4 * MIB).maxPendingUploads(1).build();
		BulkWriteException failure;
		try (BulkWriter writer = writers.writer(TestRows.articles(768), StorageLocation.volume(volume, "fail"), settings,
				null)) {
			failure = catchThrowableOfType(BulkWriteException.class, () -> {
				for (long id = 1; id <= 16_000; id++) {
					writer.append(TestRows.Article.of(id, 768));
				}
				writer.commit();
			});
		}
		assertThat(failure).isNotNull();
		assertThat(failure.file()).endsWith("/2.parquet");
		assertThat(failure.firstRow()).isGreaterThan(1);
		assertThat(failure.lastRow()).isGreaterThan(failure.firstRow());
		assertThat(failure.getMessage()).contains("Uploading fail/")
			.contains("2.parquet (rows " + failure.firstRow() + " to " + failure.lastRow() + ")")
			.contains("400 InvalidArgument");
		assertThat(emulator.incompleteUploads()).isEmpty();
		assertThat(emulator.requestCount("s3:AbortMultipartUpload")).isGreaterThanOrEqualTo(1);
		assertThat(emulator.object(prefix(volume) + failure.file())).isEmpty();
		for (StoredObject stored : emulator.listObjects(prefix(volume) + "fail/")) {
			assertThat(stored.key()).doesNotEndWith("/2.parquet");
		}
		try (var left = Files.list(this.temp)) {
			assertThat(left).isEmpty();
		}
	}

	@Test
	void anInvalidRowIsRefusedBeforeAnythingIsWritten() {
		String volume = EmulatorSupport.createVolume(clients);
		try (BulkWriter writer = writers.writer(TestRows.articles(4), StorageLocation.volume(volume, "bad"),
				settings().build(), null)) {
			writer.append(TestRows.Article.of(1, 4));
			InvalidRowException refused = catchThrowableOfType(InvalidRowException.class,
					() -> writer.append(TestRows.Article.of(2, 3)));
			assertThat(refused.getMessage())
				.isEqualTo("Row 2 refused, field 'embedding': the vector has 3 values, but the field's dimension is 4."
						+ " Nothing of this row was written; fix it and append it again.");
			writer.append(TestRows.Article.of(2, 4));
			BulkWriteResult result = writer.commit();
			assertThat(result.rows()).isEqualTo(2);
		}
	}

	@Test
	void numpyBatchesKeepTheirDirectoriesInsteadOfOverwritingEachOther() throws Exception {
		String volume = EmulatorSupport.createVolume(clients);
		BulkWriteResult result;
		String batchId;
		try (BulkWriter writer = writers.writer(TestRows.articles(32), StorageLocation.volume(volume, "npy"),
				settings().format(BulkFileFormat.NUMPY).fileSize(64 * 1024).keepLocalFiles(true).build(), null)) {
			for (long id = 1; id <= 1500; id++) {
				writer.append(TestRows.Article.of(id, 32));
			}
			batchId = writer.reactive().batchId();
			result = writer.commit();
		}
		assertThat(result.files()).hasSizeGreaterThanOrEqualTo(2);
		String base = "npy/" + batchId + "/";
		for (int i = 0; i < result.files().size(); i++) {
			BulkFile file = result.files().get(i);
			assertThat(file.path()).isEqualTo(base + (i + 1) + "/");
			assertThat(file.key()).isEqualTo(prefix(volume) + file.path());
			for (String field : List.of("id.npy", "title.npy", "embedding.npy")) {
				Path local = this.temp.resolve(batchId).resolve(String.valueOf(i + 1)).resolve(field);
				assertThat(emulator.sha256(file.key() + field)).isEqualTo(UploadTestSupport.sha256(local));
			}
		}
		assertThat(emulator.listObjects(prefix(volume) + base)).hasSize(3 * result.files().size());
		assertThat(result.dataPaths().get(1)).containsExactly(base + "2/");
	}

	@Test
	void writesIntoAStageToo() {
		String stage = "bulk_stage_" + (System.nanoTime() % 100000);
		clients.stages().create(new dev.stagekit.client.control.CreateStageRequest(emulator.projectId(),
				emulator.regionId(), stage));
		BulkWriteResult result;
		try (BulkWriter writer = writers.writer(TestRows.articles(4), StorageLocation.stage(stage, "/s/"),
				settings().build(), null)) {
			writer.append(TestRows.Article.of(1, 4));
			result = writer.commit();
		}
		String key = emulator.stagePrefix(stage).orElseThrow() + result.files().get(0).path();
		assertThat(result.files().get(0).key()).isEqualTo(key);
		assertThat(result.files().get(0).path()).startsWith("s/").endsWith("/1.parquet");
		assertThat(emulator.object(key)).isPresent();
		assertThat(emulator.requestCount("POST /v2/stages/apply")).isEqualTo(1);
		ImportRequest request = result.importRequest("c").build();
		assertThat(request.sourceKind()).isEqualTo(dev.stagekit.client.Kind.STAGE);
	}

}
