package dev.stagekit.client.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.StorageLocation;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.control.CreateStageRequest;
import dev.stagekit.client.job.ImportRequest;
import dev.stagekit.emulator.DataPlaneFault;
import dev.stagekit.emulator.StoredObject;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import static dev.stagekit.client.upload.UploadTestSupport.createVolume;
import static dev.stagekit.client.upload.UploadTestSupport.sha256;
import static dev.stagekit.client.upload.UploadTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Uploads through the file managers into the emulator's real S3 store, checking the bytes that landed
 * and the requests that were made. With {@code -Dstagekit.minio=true} and a Docker engine, the same suite runs
 * with a MinIO container storing the emulator's objects (see {@link EmulatorBackends}).
 */
class FileManagerIntegrationTests {

	private static final long MIB = 1024 * 1024;

	@RegisterExtension
	static final UploadEmulator upload = UploadEmulator.withSettings(EmulatorBackends::configure);

	private final ZillizCloudEmulator emulator = upload.emulator();

	private final ZillizCloudClients clients = upload.clients();

	private final FileManagers files = upload.files();

	@TempDir
	Path temp;

	private String prefix(String volume) {
		return emulator.volumePrefix(volume).orElseThrow();
	}

	@Test
	void uploadWhenSmallFileShouldStoreExactBytesWithOneApplyAndOnePut() throws IOException {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("rows.json"), "{\"id\": 1, \"vector\": [0.1, 0.2]}\n");
		UploadResult result = files.volume(volume).upload(file, "data");
		String key = prefix(volume) + "data/rows.json";
		assertThat(result.location()).isEqualTo(StorageLocation.volume(volume, "data/"));
		assertThat(result.objects()).containsExactly(new UploadedObject("rows.json", "data/rows.json", key,
				Files.size(file), false));
		assertThat(emulator.sha256(key)).isEqualTo(sha256(file));
		assertThat(emulator.requestCount("POST /v2/volumes/apply")).isEqualTo(1);
		assertThat(emulator.requestCount("s3:PutObject")).isEqualTo(1);
		assertThat(emulator.requestCount("s3:CreateMultipartUpload")).isZero();
	}

	@Test
	void uploadWhenDirectoryTreeShouldKeepRelativeLayoutAndHiddenFiles() {
		String volume = createVolume(clients, emulator);
		Path source = this.temp.resolve("src");
		write(source.resolve("top.csv"), "id,vector\n1,\"[0.1]\"\n");
		write(source.resolve(".hidden"), "secret-ish");
		write(source.resolve("a/b/deep.json"), "{\"id\": 2}\n");
		write(source.resolve("a/mid.json"), "{\"id\": 3}\n");
		UploadResult result = files.volume(volume).upload(source, "\\runs//one/./");
		String prefix = prefix(volume);
		assertThat(result.location().path()).isEqualTo("runs/one/");
		assertThat(result.objects()).extracting(UploadedObject::relativePath)
			.containsExactly(".hidden", "a/b/deep.json", "a/mid.json", "top.csv");
		assertThat(emulator.listObjects(prefix)).extracting(StoredObject::key)
			.containsExactlyInAnyOrder(prefix + "runs/one/.hidden", prefix + "runs/one/a/b/deep.json",
					prefix + "runs/one/a/mid.json", prefix + "runs/one/top.csv");
		for (UploadedObject object : result.objects()) {
			assertThat(emulator.sha256(object.key())).isEqualTo(sha256(source.resolve(object.relativePath())));
		}
		assertThat(emulator.requestCount("POST /v2/volumes/apply")).isEqualTo(1);
		assertThat(emulator.requestCount("s3:PutObject")).isEqualTo(4);
		ImportRequest importRequest = ImportRequest.builder("docs").from(result.location()).build();
		assertThat(importRequest.sourceName()).isEqualTo(volume);
		assertThat(importRequest.dataPaths()).containsExactly(List.of("runs/one/"));
	}

	@Test
	void uploadWhenEmptyFileShouldStoreZeroBytes() {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("empty.json"), "");
		UploadResult result = files.volume(volume).upload(file, "");
		assertThat(result.objects()).singleElement().satisfies((object) -> assertThat(object.size()).isZero());
		assertThat(emulator.object(prefix(volume) + "empty.json")).get().extracting(StoredObject::size).isEqualTo(0L);
	}

	@Test
	void uploadWhenEmptyDirectoryShouldSendNothing() throws IOException {
		String volume = createVolume(clients, emulator);
		Path empty = Files.createDirectories(this.temp.resolve("nothing"));
		List<UploadProgress> events = new CopyOnWriteArrayList<>();
		UploadResult result = files.volume(volume)
			.upload(UploadRequest.builder(empty, "x").progressListener(events::add).build());
		assertThat(result.objects()).isEmpty();
		assertThat(emulator.listObjects(prefix(volume))).isEmpty();
		assertThat(emulator.requestCounts().keySet()).noneMatch((name) -> name.startsWith("s3:"));
		assertThat(events).last().satisfies((last) -> assertThat(last.percent()).isEqualTo(100.0));
	}

	@Test
	void uploadWhenLargeFileShouldSendPartsAndReportMonotonicProgress() {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("big.parquet"), 23 * MIB + 17, 1);
		List<UploadProgress> events = new CopyOnWriteArrayList<>();
		UploadResult result = files.volume(volume)
			.upload(UploadRequest.builder(file, "big").progressListener(events::add).build());
		String key = prefix(volume) + "big/big.parquet";
		assertThat(emulator.sha256(key)).isEqualTo(sha256(file));
		assertThat(emulator.requestCount("s3:CreateMultipartUpload")).isEqualTo(1);
		assertThat(emulator.requestCount("s3:UploadPart")).isEqualTo(5);
		assertThat(emulator.requestCount("s3:CompleteMultipartUpload")).isEqualTo(1);
		assertThat(emulator.incompleteUploads()).isEmpty();
		assertThat(result.uploadedBytes()).isEqualTo(23 * MIB + 17);
		assertThat(events).isNotEmpty();
		for (int i = 1; i < events.size(); i++) {
			assertThat(events.get(i).uploadedBytes()).isGreaterThanOrEqualTo(events.get(i - 1).uploadedBytes());
		}
		UploadProgress last = events.get(events.size() - 1);
		assertThat(last.isDone()).isTrue();
		assertThat(last.result()).isEqualTo(result);
		assertThat(last.percent()).isEqualTo(100.0);
		assertThat(last.uploadedBytes()).isEqualTo(last.totalBytes()).isEqualTo(23 * MIB + 17);
		assertThat(last.completedFiles()).isEqualTo(1);
		assertThat(last.currentFile()).isEmpty();
	}

	@Test
	void uploadWhenTargetEscapesRootShouldFailBeforeAnyRequest() {
		Path file = write(this.temp.resolve("x.json"), "{}");
		String volume = createVolume(clients, emulator);
		emulator.resetRequestCounts();
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> files.volume(volume).upload(file, "data/../../etc"))
			.withMessageContaining("data/../../etc")
			.withMessageContaining("must not escape");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> files.volume(volume).upload(this.temp.resolve("missing"), "data"))
			.withMessageContaining("missing");
		assertThat(emulator.requestCounts().values()).allMatch((count) -> count == 0);
	}

	@Test
	void uploadWhenPartsFailTransientlyShouldRetryOnlyThoseParts() {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("retry.bin"), 20 * MIB, 2);
		emulator.inject(DataPlaneFault.slowDown().onPart(2).times(2));
		emulator.inject(DataPlaneFault.reset().onPart(3));
		emulator.inject(DataPlaneFault.internalError().on("CompleteMultipartUpload"));
		UploadResult result = files.volume(volume).upload(file, "");
		assertThat(emulator.sha256(prefix(volume) + "retry.bin")).isEqualTo(sha256(file));
		assertThat(emulator.requestCount("s3:CreateMultipartUpload")).isEqualTo(1);
		assertThat(emulator.requestCount("s3:UploadPart")).isEqualTo(4 + 3);
		assertThat(emulator.requestCount("s3:CompleteMultipartUpload")).isEqualTo(2);
		assertThat(result.uploadedBytes()).isEqualTo(20 * MIB);
		assertThat(emulator.incompleteUploads()).isEmpty();
	}

	@Test
	void uploadWhenPartFailsPermanentlyShouldAbortAndLeaveNothing() {
		String volume = createVolume(clients, emulator);
		Path source = this.temp.resolve("perm");
		write(source.resolve("a.bin"), 12 * MIB, 3);
		write(source.resolve("b.bin"), 12 * MIB, 4);
		emulator.inject(DataPlaneFault.error(400, "InvalidArgument").onPart(2).times(1));
		StorageException failure = org.assertj.core.api.Assertions.catchThrowableOfType(StorageException.class,
				() -> files.volume(volume).upload(source, "p"));
		assertThat(failure).isNotNull();
		assertThat(failure.getMessage()).contains("UploadPart of '" + prefix(volume) + "p/")
			.contains("400 InvalidArgument")
			.contains("after 1 attempt");
		assertThat(failure.isTransient()).isFalse();
		assertThat(emulator.incompleteUploads()).isEmpty();
		assertThat(emulator.requestCount("s3:AbortMultipartUpload")).isGreaterThanOrEqualTo(1);
		// The failed file is not stored; a sibling that completed before the failure is whole.
		assertThat(emulator.object(failure.key())).isEmpty();
		for (StoredObject stored : emulator.listObjects(prefix(volume) + "p/")) {
			assertThat(emulator.sha256(stored.key()))
				.isEqualTo(sha256(source.resolve(stored.key().substring(stored.key().lastIndexOf('/') + 1))));
		}
	}

	@Test
	void uploadWhenRetriesRunOutShouldFailTransientAndAbort() {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("out.bin"), 11 * MIB, 5);
		emulator.inject(DataPlaneFault.slowDown().onPart(1).times(100));
		assertThatExceptionOfType(StorageException.class)
			.isThrownBy(() -> files.volume(volume).upload(file, ""))
			.withMessageContaining("after 6 attempts")
			.withMessageContaining("503 SlowDown")
			.satisfies((ex) -> assertThat(ex.isTransient()).isTrue());
		assertThat(emulator.incompleteUploads()).isEmpty();
		assertThat(emulator.object(prefix(volume) + "out.bin")).isEmpty();
	}

	@Test
	void uploadWhenCancelledMidwayShouldAbortStartedMultipartUploads() throws InterruptedException {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("cancel.bin"), 30 * MIB, 6);
		emulator.inject(DataPlaneFault.stall(Duration.ofSeconds(30)).onPart(4));
		CountDownLatch sending = new CountDownLatch(1);
		try (FileManagers own = upload.fileManagers((settings) -> settings.partConcurrency(1))) {
			Disposable upload = own.reactiveVolume(volume)
				.uploadWithProgress(UploadRequest.builder(file, "c").partSize(5 * MIB).build())
				.filter((progress) -> progress.uploadedBytes() > 5 * MIB)
				.subscribe((progress) -> sending.countDown());
			assertThat(sending.await(20, TimeUnit.SECONDS)).isTrue();
			upload.dispose();
		}
		assertThat(emulator.incompleteUploads()).isEmpty();
		assertThat(emulator.requestCount("s3:AbortMultipartUpload")).isEqualTo(1);
		assertThat(emulator.object(prefix(volume) + "c/cancel.bin")).isEmpty();
	}

	@Test
	void uploadWhenStreamedShouldStoreExactBytesWithAndWithoutLength() throws IOException {
		String volume = createVolume(clients, emulator);
		Path small = write(this.temp.resolve("s.json"), 100_000, 7);
		Path big = write(this.temp.resolve("b.json"), 19 * MIB + 3, 8);
		ReactiveVolumeFileManager manager = files.reactiveVolume(volume);
		StepVerifier.create(manager.upload(read(small), "in/s.json", Files.size(small)))
			.assertNext((result) -> assertThat(result.objects()).singleElement()
				.satisfies((object) -> assertThat(object.key()).isEqualTo(prefix(volume) + "in/s.json")))
			.verifyComplete();
		StepVerifier.create(manager.upload(read(big), "in/b.json"))
			.assertNext((result) -> assertThat(result.uploadedBytes()).isEqualTo(19 * MIB + 3))
			.verifyComplete();
		assertThat(emulator.sha256(prefix(volume) + "in/s.json")).isEqualTo(sha256(small));
		assertThat(emulator.sha256(prefix(volume) + "in/b.json")).isEqualTo(sha256(big));
		assertThat(emulator.requestCount("s3:PutObject")).isEqualTo(1);
		assertThat(emulator.requestCount("s3:UploadPart")).isEqualTo(3);
		assertThat(emulator.requestCount("POST /v2/volumes/apply")).isEqualTo(2);
	}

	@Test
	void uploadWhenStreamLengthIsWrongShouldWriteNothing() {
		String volume = createVolume(clients, emulator);
		Path big = write(this.temp.resolve("w.json"), 12 * MIB, 9);
		StepVerifier.create(files.reactiveVolume(volume).upload(read(big), "w.json", 12 * MIB + 1))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidRequestException.class)
				.hasMessageContaining("carried " + 12 * MIB + " bytes"))
			.verify(Duration.ofSeconds(30));
		StepVerifier.create(files.reactiveVolume(volume).upload(read(big), "w.json", 1000))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidRequestException.class))
			.verify(Duration.ofSeconds(30));
		assertThat(emulator.object(prefix(volume) + "w.json")).isEmpty();
		assertThat(emulator.incompleteUploads()).isEmpty();
	}

	@Test
	void uploadWhenStorageSaysCredentialsExpiredShouldRenewOnceAndRetryTheRequest() {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("expire.bin"), 16 * MIB, 10);
		// Part 3 hangs for a while; meanwhile every credential issued so far is revoked.
		emulator.inject(DataPlaneFault.stall(Duration.ofMillis(500)).onPart(3));
		AtomicBoolean expired = new AtomicBoolean();
		try (FileManagers own = upload.fileManagers((settings) -> settings.partConcurrency(1))) {
			own.volume(volume).upload(UploadRequest.builder(file, "e").progressListener((progress) -> {
				if (progress.uploadedBytes() > 0 && !progress.isDone() && expired.compareAndSet(false, true)) {
					emulator.expireCredentials();
				}
			}).build());
		}
		assertThat(expired).isTrue();
		assertThat(emulator.sha256(prefix(volume) + "e/expire.bin")).isEqualTo(sha256(file));
		assertThat(emulator.requestCount("POST /v2/volumes/apply")).isEqualTo(2);
		assertThat(emulator.incompleteUploads()).isEmpty();
	}

	@Test
	void uploadWhenOnePartGetsExpiredTokenShouldRenewAndResendOnlyThatPart() {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("token.bin"), 16 * MIB, 13);
		emulator.inject(DataPlaneFault.expiredToken().onPart(3));
		files.volume(volume).upload(file, "t");
		assertThat(emulator.sha256(prefix(volume) + "t/token.bin")).isEqualTo(sha256(file));
		assertThat(emulator.requestCount("POST /v2/volumes/apply")).isEqualTo(2);
		assertThat(emulator.requestCount("s3:UploadPart")).isEqualTo(4 + 1);
	}

	@Test
	void uploadWhenFileChangesWhileSendingShouldReportItAndWriteNothing() {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("moving.bin"), 16 * MIB, 11);
		emulator.inject(DataPlaneFault.stall(Duration.ofMillis(500)).onPart(3));
		UploadRequest request = UploadRequest.builder(file, "m").progressListener((progress) -> {
			if (progress.uploadedBytes() > 0 && Files.exists(file)) {
				write(file, 16 * MIB + 1, 12);
			}
		}).build();
		assertThatExceptionOfType(SourceChangedException.class)
			.isThrownBy(() -> files.volume(volume).upload(request))
			.withMessageContaining(file.toString())
			.withMessageContaining("changed while it was being uploaded");
		assertThat(emulator.object(prefix(volume) + "m/moving.bin")).isEmpty();
		assertThat(emulator.incompleteUploads()).isEmpty();
	}

	@Test
	void uploadWhenSkipPolicyChosenShouldDecideFromOneListing() throws IOException {
		String volume = createVolume(clients, emulator);
		Path source = this.temp.resolve("skip");
		write(source.resolve("same.json"), 1000, 20);
		write(source.resolve("resized.json"), 1000, 21);
		write(source.resolve("rewritten.json"), 1000, 22);
		write(source.resolve("big.bin"), 11 * MIB, 23);
		files.volume(volume).upload(source, "s");
		String prefix = prefix(volume) + "s/";
		write(source.resolve("resized.json"), 1200, 24);
		write(source.resolve("rewritten.json"), 1000, 25);
		write(source.resolve("new.json"), 10, 26);
		assertThat(skippedWith(volume, source, SkipPolicy.SKIP_IF_EXISTS))
			.containsExactlyInAnyOrder("big.bin", "resized.json", "rewritten.json", "same.json");
		assertThat(emulator.sha256(prefix + "new.json")).isEqualTo(sha256(source.resolve("new.json")));
		assertThat(emulator.sha256(prefix + "resized.json")).isNotEqualTo(sha256(source.resolve("resized.json")));
		assertThat(skippedWith(volume, source, SkipPolicy.SKIP_IF_SAME_SIZE))
			.containsExactlyInAnyOrder("big.bin", "new.json", "rewritten.json", "same.json");
		assertThat(emulator.sha256(prefix + "resized.json")).isEqualTo(sha256(source.resolve("resized.json")));
		assertThat(emulator.sha256(prefix + "rewritten.json")).isNotEqualTo(sha256(source.resolve("rewritten.json")));
		assertThat(skippedWith(volume, source, SkipPolicy.SKIP_IF_SAME_CHECKSUM))
			.containsExactlyInAnyOrder("big.bin", "new.json", "resized.json", "same.json");
		assertThat(emulator.sha256(prefix + "rewritten.json")).isEqualTo(sha256(source.resolve("rewritten.json")));
		assertThat(skippedWith(volume, source, SkipPolicy.OVERWRITE)).isEmpty();
		assertThat(emulator.requestCount("s3:ListObjectsV2")).isZero();
		assertThat(emulator.requestCount("s3:PutObject")).isEqualTo(4);
	}

	private List<String> skippedWith(String volume, Path source, SkipPolicy policy) {
		emulator.resetRequestCounts();
		UploadResult result = files.volume(volume).upload(UploadRequest.builder(source, "s").skipPolicy(policy).build());
		if (policy != SkipPolicy.OVERWRITE) {
			assertThat(emulator.requestCount("s3:ListObjectsV2")).as("listings for %s", policy).isEqualTo(1);
			assertThat(emulator.requestCount("s3:HeadObject")).isZero();
			assertThat(emulator.requestCount("s3:PutObject") + emulator.requestCount("s3:CreateMultipartUpload"))
				.as("objects sent with %s", policy)
				.isEqualTo(result.uploaded().size());
		}
		return result.skipped().stream().map(UploadedObject::relativePath).toList();
	}

	@Test
	void uploadWhenStageShouldUseStageApplyAndPrefix() {
		String stage = "stage_" + (System.nanoTime() % 100000);
		clients.stages().create(CreateStageRequest.builder(stage).projectId(emulator.projectId()).regionId(emulator.regionId()).build());
		Path file = write(this.temp.resolve("stage.json"), "{\"id\": 9}");
		UploadResult result = files.stage(stage).upload(file, "in");
		String key = emulator.stagePrefix(stage).orElseThrow() + "in/stage.json";
		assertThat(result.location()).isEqualTo(StorageLocation.stage(stage, "in/"));
		assertThat(result.objects()).singleElement().extracting(UploadedObject::key).isEqualTo(key);
		assertThat(emulator.sha256(key)).isEqualTo(sha256(file));
		assertThat(emulator.requestCount("POST /v2/stages/apply")).isEqualTo(1);
		assertThat(emulator.requestCount("POST /v2/volumes/apply")).isZero();
	}

	@Test
	void uploadWhenManyUploadsRunShouldCreateNoThreadsPerCall() {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("threads.json"), "{}");
		files.volume(volume).upload(file, "warm-up");
		int before = Thread.getAllStackTraces().size();
		Flux.range(0, 20)
			.flatMap((n) -> files.reactiveVolume(volume).upload(file, "t" + n), 5)
			.then()
			.block(Duration.ofSeconds(60));
		assertThat(emulator.listObjects(prefix(volume))).hasSize(21);
		assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
			.noneMatch((name) -> name.startsWith("sdk-async-response") || name.startsWith("sdk-ScheduledExecutor"));
		// Reactor's elastic workers come and go; a pool per call would add at least 20.
		assertThat(Thread.getAllStackTraces().size()).isLessThan(before + 10);
	}

	@Test
	void uploadWhenBytesAreCorruptedInTransitShouldBeRefusedByTheChecksumAndResent() {
		String volume = createVolume(clients, emulator);
		Path source = this.temp.resolve("corrupt");
		Path big = write(source.resolve("big.bin"), 12 * MIB, 30);
		Path small = write(source.resolve("small.json"), 200_000, 31);
		emulator.inject(DataPlaneFault.corrupt().onPart(2));
		emulator.inject(DataPlaneFault.corrupt().on("PutObject"));
		files.volume(volume).upload(source, "x");
		assertThat(emulator.sha256(prefix(volume) + "x/big.bin")).isEqualTo(sha256(big));
		assertThat(emulator.sha256(prefix(volume) + "x/small.json")).isEqualTo(sha256(small));
		assertThat(emulator.requestCount("s3:UploadPart")).isEqualTo(3 + 1);
		assertThat(emulator.requestCount("s3:PutObject")).isEqualTo(1 + 1);
	}

	@Test
	void uploadWhenTwentyRunConcurrentlyWithFaultsShouldEachLandIntactInTheirOwnKeys() {
		String volumeA = createVolume(clients, emulator);
		String volumeB = createVolume(clients, emulator);
		List<Path> sources = new java.util.ArrayList<>();
		for (int n = 0; n < 20; n++) {
			Path source = this.temp.resolve("load-" + n);
			write(source.resolve("big.bin"), 6 * MIB + n, 100 + n);
			write(source.resolve("a/small.json"), 1000 + n, 200 + n);
			write(source.resolve("b/tiny.csv"), 10 + n, 300 + n);
			sources.add(source);
		}
		emulator.inject(DataPlaneFault.slowDown().onPart(2).times(8));
		emulator.inject(DataPlaneFault.reset().on("PutObject").after(5).times(3));
		emulator.inject(DataPlaneFault.internalError().on("CreateMultipartUpload").times(2));
		// One manager instance per volume, each running ten uploads at once, on the shared engine.
		ReactiveVolumeFileManager managerA = files.reactiveVolume(volumeA);
		ReactiveVolumeFileManager managerB = files.reactiveVolume(volumeB);
		List<UploadResult> results = Flux.range(0, 20)
			.flatMap((n) -> ((n % 2 == 0) ? managerA : managerB).upload(sources.get(n), "load/" + n), 20)
			.collectList()
			.block(Duration.ofMinutes(2));
		assertThat(results).hasSize(20);
		for (UploadResult result : results) {
			int n = Integer.parseInt(result.location().path().replace("load/", "").replace("/", ""));
			String prefix = prefix(result.location().name()) + "load/" + n + "/";
			assertThat(result.location().name()).isEqualTo((n % 2 == 0) ? volumeA : volumeB);
			assertThat(result.objects()).extracting(UploadedObject::key)
				.containsExactly(prefix + "a/small.json", prefix + "b/tiny.csv", prefix + "big.bin");
			for (UploadedObject object : result.objects()) {
				assertThat(emulator.sha256(object.key()))
					.isEqualTo(sha256(sources.get(n).resolve(object.relativePath())));
			}
		}
		assertThat(emulator.listObjects(prefix(volumeA))).hasSize(30);
		assertThat(emulator.listObjects(prefix(volumeB))).hasSize(30);
		assertThat(emulator.requestCount("POST /v2/volumes/apply")).isEqualTo(20);
		assertThat(emulator.incompleteUploads()).isEmpty();
	}

	private static Flux<DataBuffer> read(Path file) {
		return DataBufferUtils.read(file, DefaultDataBufferFactory.sharedInstance, 32 * 1024);
	}

}
