package dev.stagekit.client.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.Kind;
import dev.stagekit.client.Page;
import dev.stagekit.client.ZillizCloudApiException;
import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.internal.ApplyResult;
import dev.stagekit.client.internal.ControlPlane;
import dev.stagekit.client.upload.FileManagers;
import dev.stagekit.emulator.ControlPlaneFault;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The import features of the official clients' latest round, against the emulator: two-phase import
 * ({@code auto_commit}, commit, abort), the {@code Idempotency-Key} of a retried create, and the cloud import
 * from object URLs with the bucket's own keys.
 */
class ImportParityTests {

	private static final String JOBS = "POST /v2/vectordb/jobs/import/";

	private static final Duration POLL = Duration.ofMillis(20);

	private static ZillizCloudEmulator emulator;

	private static ZillizCloudClients clients;

	private static String volume = "parity_imports";

	private static ApplyResult apply;

	@BeforeAll
	static void start() {
		emulator = ZillizCloudEmulator.builder().importDuration(Duration.ofMillis(200)).start();
		clients = ZillizCloudClients.create(ZillizCloudClientSettings.builder()
			.endpoint(emulator.controlPlaneUrl())
			.apiKey(emulator.apiKey())
			.projectId(emulator.projectId())
			.regionId(emulator.regionId())
			.clusterId(emulator.clusterId())
			.build());
		clients.volumes().create(CreateVolumeRequest.builder(volume).build());
		emulator.createCollection("{\"collectionName\":\"parity\",\"schema\":{\"fields\":["
				+ "{\"fieldName\":\"id\",\"dataType\":\"Int64\",\"isPrimary\":true},"
				+ "{\"fieldName\":\"vector\",\"dataType\":\"FloatVector\",\"elementTypeParams\":{\"dim\":2}}]}}");
		apply = ControlPlane.of(clients).apply(Kind.VOLUME, volume, "").block(Duration.ofSeconds(10));
		put("rows/a.json", "{\"rows\":[{\"id\":1,\"vector\":[0.1,0.2]},{\"id\":2,\"vector\":[0.3,0.4]}]}");
	}

	/** Stores an object through the upload engine, with the volume's apply credentials. */
	private static void put(String path, String content) {
		try {
			Path dir = Files.createTempDirectory("parity");
			Path file = Files.writeString(dir.resolve(path.substring(path.lastIndexOf('/') + 1)), content);
			try (FileManagers files = FileManagers.builder(clients).trustStore(emulator.trustStore()).build()) {
				files.volume(volume).upload(file, path.substring(0, path.lastIndexOf('/') + 1));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@AfterAll
	static void stop() {
		if (emulator != null) {
			emulator.close();
		}
	}

	@BeforeEach
	void reset() {
		emulator.clearFaults();
		emulator.resetRequestCounts();
	}

	private static ImportRequest.Builder rows() {
		return ImportRequest.builder("parity").fromVolume(volume, List.of(List.of("rows/a.json")));
	}

	@Test
	void twoPhaseImportShouldSendAutoCommitAsAStringThenCommit() {
		long before = emulator.collectionRowCount("parity");
		ImportJobId job = clients.importJobs().create(rows().autoCommit(false).build());
		ImportJobProgress done = clients.importJobs().awaitCompletion(job, POLL, Duration.ofSeconds(10));
		assertThat(done.isCompleted()).isTrue();
		assertThat(emulator.collectionRowCount("parity")).as("rows wait for the commit").isEqualTo(before);
		clients.importJobs().commit(job);
		assertThat(emulator.requestCount(JOBS + "commit")).isEqualTo(1);
		assertThat(emulator.collectionRowCount("parity")).isEqualTo(before + done.totalRows()).isGreaterThan(before);
		assertThatExceptionOfType(ZillizCloudApiException.class)
			.isThrownBy(() -> clients.importJobs().commit(new ImportJobId(emulator.clusterId(), "job-missing")))
			.withMessageContaining("job-missing");
	}

	@Test
	void abortShouldFailTheJobWithItsReason() {
		ImportJobId job = clients.importJobs().create(rows().autoCommit(false).build());
		clients.importJobs().abort(job);
		assertThat(emulator.requestCount(JOBS + "abort")).isEqualTo(1);
		assertThatExceptionOfType(JobFailedException.class)
			.isThrownBy(() -> clients.importJobs().awaitCompletion(job, POLL, Duration.ofSeconds(10)))
			.withMessageContaining("aborted");
	}

	@Test
	void createWhoseAnswerIsLostShouldSayItsOutcomeIsUnknownAndTheSameRequestShouldFindTheOneJob() {
		String collection = "parity_once";
		emulator.createCollection("{\"collectionName\":\"" + collection + "\",\"dimension\":2}");
		emulator.inject(ControlPlaneFault.httpStatusAfterProcessing(503).on(JOBS + "create"));
		ImportRequest request = ImportRequest.builder(collection)
			.fromVolume(volume, List.of(List.of("rows/a.json")))
			.build();
		// Whether Zilliz Cloud honours Idempotency-Key is not confirmed, so the client does not repeat it itself.
		assertThatExceptionOfType(dev.stagekit.client.ZillizCloudOutcomeUnknownException.class)
			.isThrownBy(() -> clients.importJobs().create(request))
			.withMessageContaining(request.idempotencyKey())
			.withMessageContaining("ImportJobs.list");
		assertThat(emulator.requestCount(JOBS + "create")).isEqualTo(1);
		// The same request sent again carries the same key: the service answers with the job it made.
		ImportJobId job = clients.importJobs().create(request);
		Page<ImportJobSummary> jobs = clients.importJobs()
			.list(ListImportJobsRequest.firstPage().withCollectionName(collection));
		assertThat(jobs.items()).extracting(ImportJobSummary::jobId).containsExactly(job.jobId());
		assertThat(clients.importJobs().create(request)).isEqualTo(job);
		// A new request is another job.
		assertThat(clients.importJobs().create(ImportRequest.builder(collection)
			.fromVolume(volume, List.of(List.of("rows/a.json")))
			.build())).isNotEqualTo(job);
	}

	@Test
	void idempotencyKeyShouldBePrintableAsciiOfAtMost256Bytes() {
		assertThat(rows().idempotencyKey("k".repeat(256)).build().idempotencyKey()).hasSize(256);
		assertThat(rows().build().idempotencyKey()).isNotEqualTo(rows().build().idempotencyKey())
			.startsWith("stagekit-");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> rows().idempotencyKey("k".repeat(257)).build())
			.withMessageContaining("idempotencyKey");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> rows().idempotencyKey("caf\u00e9").build())
			.withMessageContaining("printable ASCII");
	}

	@Test
	void importFromObjectUrlsShouldUseTheBucketKeysAndHideThem() {
		String url = "s3://" + apply.bucketName() + "/" + apply.prefix() + "rows/a.json";
		String secret = apply.credentials().tmpSK();
		ImportRequest request = ImportRequest.builder("parity")
			.fromObjectUrls(List.of(List.of(url)), apply.credentials().tmpAK(), secret,
					apply.credentials().sessionToken())
			.build();
		assertThat(request.toString()).doesNotContain(secret).doesNotContain(apply.credentials().sessionToken())
			.contains(url);
		ImportJobId job = clients.importJobs().create(request);
		assertThat(clients.importJobs().awaitCompletion(job, POLL, Duration.ofSeconds(10)).totalRows()).isEqualTo(2);
		ImportRequest foreign = ImportRequest.builder("parity")
			.fromObjectUrls(List.of(List.of("s3://someone-elses-bucket/rows/a.json")), apply.credentials().tmpAK(),
					secret)
			.build();
		assertThatExceptionOfType(ZillizCloudApiException.class)
			.isThrownBy(() -> clients.importJobs().create(foreign))
			.withMessageContaining("someone-elses-bucket")
			.withMessageNotContaining(secret);
	}

}
