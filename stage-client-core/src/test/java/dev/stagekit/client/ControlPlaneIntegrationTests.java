package dev.stagekit.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.stagekit.client.control.CreateStageRequest;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.control.ListStagesRequest;
import dev.stagekit.client.control.ListVolumesRequest;
import dev.stagekit.client.control.ReactiveVolumeManager;
import dev.stagekit.client.control.StageInfo;
import dev.stagekit.client.control.VolumeInfo;
import dev.stagekit.client.control.VolumeType;
import dev.stagekit.client.internal.ApplyResult;
import dev.stagekit.client.internal.ControlPlane;
import dev.stagekit.client.job.ImportJobId;
import dev.stagekit.client.job.ImportJobProgress;
import dev.stagekit.client.job.ImportJobSummary;
import dev.stagekit.client.job.ImportRequest;
import dev.stagekit.client.job.JobFailedException;
import dev.stagekit.client.job.ListImportJobsRequest;
import dev.stagekit.emulator.ControlPlaneFault;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.test.StepVerifier;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The control-plane client against the real emulator over HTTP.
 */
class ControlPlaneIntegrationTests {

	private static final Duration VERIFY = Duration.ofSeconds(15);

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static ZillizCloudEmulator emulator;

	private static ZillizCloudClients clients;

	private static ListAppender<ILoggingEvent> logs;

	@BeforeAll
	static void startEmulator() {
		emulator = ZillizCloudEmulator.builder().importDuration(Duration.ofMillis(300)).start();
		emulator.createCollection("{\"collectionName\": \"my_collection\", \"dimension\": 2, \"params\": {\"enableDynamicField\": true}}");
		clients = ZillizCloudClients.create(settings(emulator.apiKey()).build(), WebClient.builder());
		logs = new ListAppender<>();
		logs.start();
		Logger logger = (Logger) LoggerFactory.getLogger("dev.stagekit.client");
		logger.setLevel(Level.DEBUG);
		logger.addAppender(logs);
		boolean ready;
		try {
			clients.volumes().listPage(ListVolumesRequest.firstPage());
			ready = true;
		}
		catch (ZillizCloudException ex) {
			ready = false;
		}
		assumeTrue(ready, "the emulator's control plane is not implemented yet");
	}

	@AfterAll
	static void stopEmulator() {
		((Logger) LoggerFactory.getLogger("dev.stagekit.client")).detachAppender(logs);
		if (emulator != null) {
			emulator.close();
		}
	}

	@BeforeEach
	void reset() {
		emulator.clearFaults();
		emulator.resetRequestCounts();
	}

	@AfterEach
	void clear() {
		emulator.clearFaults();
	}

	private static ZillizCloudClientSettings.Builder settings(String apiKey) {
		return settings(() -> apiKey);
	}

	private static ZillizCloudClientSettings.Builder settings(ApiKey apiKey) {
		return ZillizCloudClientSettings.builder()
			.endpoint(emulator.controlPlaneUrl())
			.apiKey(apiKey)
			.projectId(emulator.projectId())
			.regionId(emulator.regionId())
			.clusterId(emulator.clusterId())
			.responseTimeout(Duration.ofSeconds(1))
			.retry(new RetrySettings(4, Duration.ofMillis(10), Duration.ofMillis(50), 0.5));
	}

	private static String uniqueName(String prefix) {
		return prefix + "_" + SEQUENCE.incrementAndGet() + "_" + System.nanoTime() % 100000;
	}

	private static String createVolume() {
		String name = uniqueName("vol");
		clients.volumes().create(CreateVolumeRequest.builder(name).build());
		return name;
	}

	@Test
	void createVolumeWhenManagedShouldBeDescribedListedAndDeleted() {
		String name = uniqueName("vol");
		StepVerifier.create(clients.reactiveVolumes().create(CreateVolumeRequest.builder(name).build()))
			.verifyComplete();
		StepVerifier.create(clients.reactiveVolumes().describe(name)).assertNext((volume) -> {
			assertThat(volume.volumeName()).isEqualTo(name);
			assertThat(volume.type()).isEqualTo(VolumeType.MANAGED);
			assertThat(volume.regionId()).isEqualTo(emulator.regionId());
			assertThat(volume.createTime()).isNotNull();
		}).verifyComplete();
		StepVerifier.create(clients.reactiveVolumes().listAll().map(VolumeInfo::volumeName).collectList())
			.assertNext((names) -> assertThat(names).contains(name))
			.verifyComplete();
		StepVerifier.create(clients.reactiveVolumes().delete(name)).verifyComplete();
		StepVerifier.create(clients.reactiveVolumes().describe(name))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ZillizCloudApiException.class, (api) -> {
				assertThat(api.code()).isBetween(80020, 80022);
				assertThat(api.isTransient()).isFalse();
				assertThat(api.getMessage()).contains("GET /v2/volumes/" + name).contains(String.valueOf(api.code()));
			}))
			.verify(VERIFY);
		assertThat(emulator.requestCount("GET /v2/volumes/{name}")).isEqualTo(2);
	}

	@Test
	void createVolumeWhenExternalShouldKeepIntegrationAndPathAndFilterByType() {
		String name = uniqueName("ext");
		clients.volumes().create(CreateVolumeRequest.builder(name).external("si-emulator", "data/").build());
		VolumeInfo volume = clients.volumes().describe(name);
		assertThat(volume.type()).isEqualTo(VolumeType.EXTERNAL);
		assertThat(volume.storageIntegrationId()).isEqualTo("si-emulator");
		assertThat(volume.path()).isEqualTo("data/");
		String managed = createVolume();
		List<String> external = clients.volumes()
			.listAll(null, VolumeType.EXTERNAL)
			.stream()
			.map(VolumeInfo::volumeName)
			.toList();
		assertThat(external).contains(name).doesNotContain(managed);
	}

	@Test
	void listVolumesWhenPagedShouldReturnRequestedPages() {
		for (int i = 0; i < 3; i++) {
			createVolume();
		}
		Page<VolumeInfo> first = clients.volumes().listPage(ListVolumesRequest.firstPage().withPage(1, 2));
		Page<VolumeInfo> second = clients.volumes().listPage(ListVolumesRequest.firstPage().withPage(2, 2));
		assertThat(first.items()).hasSize(2);
		assertThat(first.currentPage()).isEqualTo(1);
		assertThat(first.pageSize()).isEqualTo(2);
		assertThat(first.count()).isGreaterThanOrEqualTo(3);
		assertThat(first.hasNext()).isTrue();
		assertThat(second.items()).isNotEmpty().doesNotContainAnyElementsOf(first.items());
		assertThat(clients.volumes().listAll()).hasSize(first.count());
	}

	@Test
	void listAllWhenSeveralPagesShouldFetchNextPageOnlyOnDemand() {
		for (int i = 0; i < 5; i++) {
			createVolume();
		}
		ReactiveVolumeManager paged = ControlPlane.of(clients).withListAllPageSize(2).volumes();
		List<String> all = clients.volumes().listAll().stream().map(VolumeInfo::volumeName).toList();
		emulator.resetRequestCounts();
		StepVerifier.create(paged.listAll().map(VolumeInfo::volumeName).collectList())
			.assertNext((names) -> assertThat(names).containsExactlyElementsOf(all))
			.verifyComplete();
		assertThat(emulator.requestCount("GET /v2/volumes")).isEqualTo((all.size() + 1) / 2);
		emulator.resetRequestCounts();
		StepVerifier.create(paged.listAll().take(1)).expectNextCount(1).verifyComplete();
		assertThat(emulator.requestCount("GET /v2/volumes")).isEqualTo(1);
		emulator.resetRequestCounts();
		StepVerifier.create(paged.listAll().take(3)).expectNextCount(3).verifyComplete();
		assertThat(emulator.requestCount("GET /v2/volumes")).isEqualTo(2);
	}

	@Test
	void createVolumeWhenNameTakenShouldRaiseDuplicateCode() {
		String name = createVolume();
		assertThatExceptionOfType(ZillizCloudApiException.class)
			.isThrownBy(() -> clients.volumes().create(CreateVolumeRequest.builder(name).build()))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(80030);
				assertThat(ex.isTransient()).isFalse();
				assertThat(ex.getMessage()).contains("POST /v2/volumes/create").contains("80030");
			});
		assertThat(emulator.requestCount("POST /v2/volumes/create")).isEqualTo(2);
	}

	@Test
	void manageStagesWhenCreatedShouldListDetectDuplicateAndDelete() {
		String name = uniqueName("stage");
		StepVerifier.create(clients.reactiveStages().create(CreateStageRequest.builder(name).projectId(emulator.projectId()).regionId(emulator.regionId()).build()))
			.verifyComplete();
		assertThat(clients.stages().listAll(emulator.projectId())).contains(new StageInfo(name));
		Page<StageInfo> page = clients.stages().listPage(ListStagesRequest.firstPage().withProjectId(emulator.projectId()).withPage(1, 100));
		assertThat(page.items()).contains(new StageInfo(name));
		assertThatExceptionOfType(ZillizCloudApiException.class)
			.isThrownBy(() -> clients.stages().create(CreateStageRequest.builder(name).projectId(emulator.projectId()).regionId(emulator.regionId()).build()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(80031));
		clients.stages().delete(name);
		assertThat(clients.stages().listAll(emulator.projectId())).doesNotContain(new StageInfo(name));
	}

	@Test
	void callWhenApiKeyIllegalShouldRaiseNonTransientApiErrorOnce() {
		ZillizCloudClients bad = ZillizCloudClients.create(settings("not-the-key-1234").build());
		StepVerifier.create(bad.reactiveVolumes().listPage(ListVolumesRequest.firstPage()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ZillizCloudApiException.class, (api) -> {
				assertThat(api.code()).isEqualTo(21119);
				assertThat(api.isTransient()).isFalse();
				assertThat(api.serverMessage()).isEqualTo("The apikey is illegal.");
				assertThat(api.getMessage()).doesNotContain("not-the-key-1234");
			}))
			.verify(VERIFY);
		assertThat(emulator.requestCount("GET /v2/volumes")).isEqualTo(1);
	}

	@Test
	void describeWhenBodyMalformedShouldRaiseMalformedResponseWithoutRetry() {
		String name = createVolume();
		emulator.inject(ControlPlaneFault.malformedBody().on("GET /v2/volumes/{name}"));
		StepVerifier.create(clients.reactiveVolumes().describe(name))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(MalformedResponseException.class, (m) -> {
				assertThat(m.isTransient()).isFalse();
				assertThat(m.getMessage()).contains("GET /v2/volumes/" + name)
					.contains("expected a JSON envelope")
					.doesNotContain("Jackson");
				assertThat(m.getMessage().length()).isLessThan(400);
			}))
			.verify(VERIFY);
		assertThat(emulator.requestCount("GET /v2/volumes/{name}")).isEqualTo(1);
	}

	@Test
	void applyWhenTwo503sShouldSucceedOnThirdCall() {
		String name = createVolume();
		emulator.inject(ControlPlaneFault.httpStatus(503).on("POST /v2/volumes/apply").times(2));
		ApplyResult result = ControlPlane.of(clients).apply(Kind.VOLUME, name, "data/").block(VERIFY);
		assertThat(result).isNotNull();
		assertThat(result.name()).isEqualTo(name);
		assertThat(result.prefix()).endsWith("/");
		assertThat(result.bucketName()).isNotBlank();
		assertThat(result.condition().maxContentLength()).isPositive();
		assertThat(result.credentials().expireTime()).isNotNull();
		assertThat(result.toString()).doesNotContain(result.credentials().tmpAK(), result.credentials().tmpSK(),
				result.credentials().sessionToken());
		assertThat(emulator.requestCount("POST /v2/volumes/apply")).isEqualTo(3);
	}

	@Test
	void applyWhenStageShouldReturnStagePrefixAndCredentials() {
		String name = uniqueName("stage");
		clients.stages().create(CreateStageRequest.builder(name).projectId(emulator.projectId()).regionId(emulator.regionId()).build());
		StepVerifier.create(ControlPlane.of(clients).apply(Kind.STAGE, name, "data/")).assertNext((result) -> {
			assertThat(result.kind()).isEqualTo(Kind.STAGE);
			assertThat(result.name()).isEqualTo(name);
			assertThat(result.prefix()).isEqualTo(emulator.stagePrefix(name).orElseThrow());
			assertThat(result.credentials().tmpAK()).isNotBlank();
		}).verifyComplete();
		StepVerifier.create(ControlPlane.of(clients).apply(Kind.STAGE, name, "data"))
			.expectError(InvalidRequestException.class)
			.verify(VERIFY);
		assertThat(emulator.requestCount("POST /v2/stages/apply")).isEqualTo(1);
	}

	@Test
	void sendWhenAnyCallShouldCarryUserAgentAndAcceptHeaders() {
		List<String> userAgents = new CopyOnWriteArrayList<>();
		List<String> accepts = new CopyOnWriteArrayList<>();
		WebClient.Builder builder = WebClient.builder().filter((request, next) -> {
			userAgents.add(String.valueOf(request.headers().getFirst("User-Agent")));
			accepts.add(String.valueOf(request.headers().getFirst("Accept")));
			return next.exchange(request);
		});
		ZillizCloudClients custom = ZillizCloudClients.create(settings(emulator.apiKey()).build(), builder);
		custom.volumes().listPage(ListVolumesRequest.firstPage());
		assertThat(userAgents).singleElement()
			.asString()
			.matches("stagekit/0\\.1\\.0-SNAPSHOT \\(Java [^)]+\\)")
			.contains(System.getProperty("java.version"));
		assertThat(accepts).containsExactly("application/json");
	}

	@Test
	void describeWhenTwo503sShouldSucceedOnThirdCall() {
		String name = createVolume();
		emulator.inject(ControlPlaneFault.httpStatus(503).on("GET /v2/volumes/{name}").times(2));
		assertThat(clients.volumes().describe(name).volumeName()).isEqualTo(name);
		assertThat(emulator.requestCount("GET /v2/volumes/{name}")).isEqualTo(3);
	}

	@Test
	void describeWhenBusinessErrorShouldNotRetry() {
		String name = createVolume();
		emulator.inject(ControlPlaneFault.businessError(65535, "Something broke.").on("GET /v2/volumes/{name}"));
		assertThatExceptionOfType(ZillizCloudApiException.class).isThrownBy(() -> clients.volumes().describe(name))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(65535);
				assertThat(ex.getMessage()).contains("Something broke.").contains("65535");
			});
		assertThat(emulator.requestCount("GET /v2/volumes/{name}")).isEqualTo(1);
	}

	@Test
	void listWhen429BurstExceedsAttemptsShouldRaiseLastTransientError() {
		emulator.inject(ControlPlaneFault.httpStatus(429).on("GET /v2/volumes").times(10));
		StepVerifier.create(clients.reactiveVolumes().listPage(ListVolumesRequest.firstPage()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ZillizCloudApiException.class, (api) -> {
				assertThat(api.httpStatus()).isEqualTo(429);
				assertThat(api.isTransient()).isTrue();
			}))
			.verify(VERIFY);
		assertThat(emulator.requestCount("GET /v2/volumes")).isEqualTo(4);
	}

	@Test
	void createWhenFirstAttemptGets503ShouldRetryOnceAndSucceed() {
		String name = uniqueName("vol");
		emulator.inject(ControlPlaneFault.httpStatus(503).on("POST /v2/volumes/create"));
		clients.volumes().create(CreateVolumeRequest.builder(name).build());
		assertThat(emulator.requestCount("POST /v2/volumes/create")).isEqualTo(2);
		assertThat(clients.volumes().describe(name).volumeName()).isEqualTo(name);
	}

	/**
	 * Clients whose create retry waits until a delayed first create has been processed by the server, so that the
	 * retry deterministically meets "already exists".
	 */
	private static ZillizCloudClients slowRetryClients() {
		return ZillizCloudClients.create(settings(emulator.apiKey()).responseTimeout(Duration.ofMillis(300))
			.retry(new RetrySettings(4, Duration.ofMillis(900), Duration.ofSeconds(1), 0.5))
			.build());
	}

	@Test
	void createWhenResponseLostShouldSayTheOutcomeIsUnknown() {
		// A lost answer cannot tell "our create made it" from "it existed before": never reported as success.
		String name = uniqueName("vol");
		emulator.inject(ControlPlaneFault.latency(Duration.ofMillis(500)).on("POST /v2/volumes/create"));
		StepVerifier.create(slowRetryClients().reactiveVolumes().create(CreateVolumeRequest.builder(name).build()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZillizCloudOutcomeUnknownException.class)
				.hasMessageContaining("unknown outcome"))
			.verify(VERIFY);
		assertThat(emulator.requestCount("POST /v2/volumes/create")).isGreaterThanOrEqualTo(1);
		assertThat(clients.volumes().describe(name).volumeName()).isEqualTo(name);
	}

	@Test
	void createStageWhenResponseLostShouldSayTheOutcomeIsUnknown() {
		String name = uniqueName("stage");
		emulator.inject(ControlPlaneFault.latency(Duration.ofMillis(500)).on("POST /v2/stages/create"));
		assertThatExceptionOfType(ZillizCloudOutcomeUnknownException.class).isThrownBy(() -> slowRetryClients().stages()
			.create(CreateStageRequest.builder(name).projectId(emulator.projectId()).regionId(emulator.regionId()).build()));
		assertThat(emulator.requestCount("POST /v2/stages/create")).isGreaterThanOrEqualTo(1);
		assertThat(clients.stages().listAll(emulator.projectId())).contains(new StageInfo(name));
	}

	@Test
	void createWhenRetryMeetsAlreadyExistsButNothingExistsShouldPropagate() {
		String name = uniqueName("vol");
		emulator.inject(ControlPlaneFault.httpStatus(503).on("POST /v2/volumes/create"));
		emulator.inject(ControlPlaneFault.businessError(80030, "The volume name is taken.").on("POST /v2/volumes/create"));
		assertThatExceptionOfType(ZillizCloudOutcomeUnknownException.class)
			.isThrownBy(() -> clients.volumes().create(CreateVolumeRequest.builder(name).build()))
			.satisfies((ex) -> assertThat(ex).hasRootCauseInstanceOf(ZillizCloudApiException.class));
		assertThat(emulator.requestCount("POST /v2/volumes/create")).isLessThanOrEqualTo(2);
	}

	@Test
	void createWhenTwoTransientFailuresShouldNotRetryBlindly() {
		String name = uniqueName("vol");
		emulator.inject(ControlPlaneFault.httpStatus(503).on("POST /v2/volumes/create").times(2));
		assertThatExceptionOfType(ZillizCloudOutcomeUnknownException.class)
			.isThrownBy(() -> clients.volumes().create(CreateVolumeRequest.builder(name).build()))
			.satisfies((ex) -> assertThat(ex.getCause()).isInstanceOfSatisfying(ZillizCloudApiException.class,
					(api) -> assertThat(api.httpStatus()).isEqualTo(503)));
		assertThat(emulator.requestCount("POST /v2/volumes/create")).isLessThanOrEqualTo(2);
	}

	@Test
	void deleteWhenTransientFailureShouldRetryAndDelete() {
		String name = createVolume();
		emulator.inject(ControlPlaneFault.httpStatus(500).on("DELETE /v2/volumes/{name}"));
		clients.volumes().delete(name);
		assertThat(emulator.requestCount("DELETE /v2/volumes/{name}")).isEqualTo(2);
		assertThat(clients.volumes().listAll()).extracting(VolumeInfo::volumeName).doesNotContain(name);
	}

	@Test
	void importCreateWhenTransientFailureShouldNotRetry() {
		String volume = createVolume();
		emulator.inject(ControlPlaneFault.httpStatus(503).on("POST /v2/vectordb/jobs/import/create"));
		assertThatExceptionOfType(ZillizCloudOutcomeUnknownException.class)
			.isThrownBy(() -> clients.importJobs()
				.create(ImportRequest.builder("my_collection").fromVolume(volume, List.of(List.of("x/"))).build()))
			.satisfies((ex) -> assertThat(ex.isTransient()).isFalse());
		assertThat(emulator.requestCount("POST /v2/vectordb/jobs/import/create")).isEqualTo(1);
	}

	@Test
	void blockWhenNoAnswerWithinTimeoutShouldRaiseTimeout() {
		String name = createVolume();
		emulator.inject(ControlPlaneFault.latency(Duration.ofMillis(800)).on("GET /v2/volumes/{name}"));
		assertThatExceptionOfType(ZillizCloudTimeoutException.class)
			.isThrownBy(() -> clients.volumes().withTimeout(Duration.ofMillis(200)).describe(name))
			.withMessageContaining("PT0.2S");
	}

	@Test
	void describeWhenLatencyExceedsResponseTimeoutShouldRaiseTimeout() {
		String name = createVolume();
		ZillizCloudClients once = ZillizCloudClients.create(settings(emulator.apiKey())
			.responseTimeout(Duration.ofMillis(300))
			.retry(RetrySettings.CONTROL_PLANE.withMaxAttempts(1))
			.build());
		emulator.inject(ControlPlaneFault.latency(Duration.ofMillis(1000)).on("GET /v2/volumes/{name}"));
		StepVerifier.create(once.reactiveVolumes().describe(name))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ZillizCloudTimeoutException.class,
					(timeout) -> {
						assertThat(timeout.isTransient()).isTrue();
						assertThat(timeout.getMessage()).contains("GET /v2/volumes/" + name);
					}))
			.verify(VERIFY);
		assertThatExceptionOfType(ZillizCloudTimeoutException.class).isThrownBy(() -> {
			emulator.inject(ControlPlaneFault.latency(Duration.ofMillis(1000)).on("GET /v2/volumes/{name}"));
			once.volumes().describe(name);
		});
	}

	@Test
	void callWhenApiKeyRotatesShouldSendCurrentKey() {
		AtomicReference<String> key = new AtomicReference<>("stale-key-987654");
		ZillizCloudClients rotating = ZillizCloudClients.create(settings(() -> key.get()).build());
		assertThatExceptionOfType(ZillizCloudApiException.class)
			.isThrownBy(() -> rotating.volumes().listPage(ListVolumesRequest.firstPage()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(21119));
		key.set(emulator.apiKey());
		assertThat(rotating.volumes().listPage(ListVolumesRequest.firstPage()).currentPage()).isEqualTo(1);
	}

	@Test
	void logAndFailWhenSecretsInvolvedShouldNeverRevealThem() {
		String badKey = "bad-secret-key-4242";
		ZillizCloudClients bad = ZillizCloudClients.create(settings(badKey).build());
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		Level rootLevel = root.getLevel();
		ListAppender<ILoggingEvent> everything = new ListAppender<>();
		everything.start();
		root.addAppender(everything);
		root.setLevel(Level.DEBUG);
		logs.list.clear();
		String name = createVolume();
		ApplyResult result = ControlPlane.of(clients).apply(Kind.VOLUME, name, "").block(VERIFY);
		assertThat(result).isNotNull();
		emulator.inject(ControlPlaneFault.httpStatus(503).on("POST /v2/volumes/apply"));
		ControlPlane.of(clients).apply(Kind.VOLUME, name, "x/").block(VERIFY);
		ZillizCloudException failure = null;
		try {
			bad.volumes().describe(name);
		}
		catch (ZillizCloudException ex) {
			failure = ex;
		}
		root.setLevel(rootLevel);
		root.detachAppender(everything);
		assertThat(failure).isNotNull();
		List<String> secrets = List.of(emulator.apiKey(), badKey, result.credentials().tmpAK(),
				result.credentials().tmpSK(), result.credentials().sessionToken());
		assertThat(logs.list).isNotEmpty();
		// The emulator is the server: its own (Jetty, S3Proxy) debug logs may show what it received.
		List<ILoggingEvent> captured;
		synchronized (everything) { // the emulator's threads may still be appending
			captured = new java.util.ArrayList<>(everything.list);
		}
		assertThat(captured).hasSizeGreaterThanOrEqualTo(logs.list.size());
		List<ILoggingEvent> clientSide = captured.stream()
			.filter((event) -> !event.getLoggerName().startsWith("org.eclipse.jetty")
					&& !event.getLoggerName().startsWith("dev.stagekit.emulator")
					&& !event.getLoggerName().startsWith("org.gaul") && !event.getLoggerName().startsWith("org.jclouds"))
			.toList();
		for (ILoggingEvent event : clientSide) {
			for (String secret : secrets) {
				assertThat(event.getFormattedMessage()).doesNotContain(secret);
			}
		}
		for (String secret : secrets) {
			assertThat(failure.getMessage()).doesNotContain(secret);
			assertThat(failure.toString()).doesNotContain(secret);
			assertThat(clients.settings().toString()).doesNotContain(secret);
			assertThat(bad.settings().toString()).doesNotContain(secret);
			assertThat(result.toString()).doesNotContain(secret);
		}
	}

	@Test
	void awaitImportWhenFilesPresentShouldEmitProgressAndComplete() {
		String volume = createVolume();
		upload(volume, "batch/", "1.json", "[{\"id\":1,\"vector\":[1,2]},{\"id\":2,\"vector\":[3,4]}]");
		ImportRequest request = ImportRequest.builder("my_collection")
			.from(StorageLocation.volume(volume, "batch/"))
			.build();
		ImportJobId jobId = clients.reactiveImportJobs().create(request).block(VERIFY);
		assertThat(jobId).isNotNull();
		assertThat(jobId.jobId()).isNotBlank();
		List<ImportJobProgress> updates = clients.reactiveImportJobs()
			.awaitCompletion(jobId, Duration.ofMillis(50))
			.collectList()
			.block(VERIFY);
		assertThat(updates).isNotEmpty();
		assertThat(updates.get(updates.size() - 1).isCompleted()).isTrue();
		assertThat(updates.get(updates.size() - 1).progress()).isEqualTo(100);
		assertThat(updates).extracting(ImportJobProgress::state).contains("Importing");
		assertThat(updates.get(0).state()).isIn("Pending", "Importing");
		for (int i = 1; i < updates.size(); i++) {
			ImportJobProgress previous = updates.get(i - 1);
			ImportJobProgress current = updates.get(i);
			assertThat(List.of(current.state(), current.progress()))
				.isNotEqualTo(List.of(previous.state(), previous.progress()));
			assertThat(current.progress()).isGreaterThanOrEqualTo(previous.progress());
		}
		assertThat(updates.subList(0, updates.size() - 1)).noneMatch(ImportJobProgress::isCompleted);
		assertThat(emulator.requestCount("POST /v2/vectordb/jobs/import/create")).isEqualTo(1);
		Page<ImportJobSummary> jobs = clients.reactiveImportJobs()
			.list(ListImportJobsRequest.firstPage().withCollectionName("my_collection"))
			.block(VERIFY);
		assertThat(jobs).isNotNull();
		assertThat(jobs.items()).extracting(ImportJobSummary::jobId).contains(jobId.jobId());
		ImportJobProgress reactive = clients.reactiveImportJobs().describe(jobId).block(VERIFY);
		assertThat(clients.importJobs().describe(jobId)).isEqualTo(reactive);
		assertThat(clients.importJobs().awaitCompletion(jobId, Duration.ofMillis(50), VERIFY).isCompleted())
			.isTrue();
	}

	@Test
	void awaitImportWhenPathMissingShouldFailWithReason() {
		String volume = createVolume();
		ImportRequest request = ImportRequest.builder("my_collection")
			.fromVolume(volume, List.of(List.of("missing/")))
			.build();
		ImportJobId jobId = clients.importJobs().create(request);
		StepVerifier.create(clients.reactiveImportJobs().awaitCompletion(jobId, Duration.ofMillis(50)))
			.thenConsumeWhile((progress) -> !progress.isFailed())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(JobFailedException.class,
					(failed) -> {
						assertThat(failed.jobId()).isEqualTo(jobId.jobId());
						assertThat(failed.reason()).isNotBlank();
						assertThat(failed.getMessage()).contains(failed.reason());
					}))
			.verify(VERIFY);
		assertThatExceptionOfType(JobFailedException.class)
			.isThrownBy(() -> clients.importJobs().awaitCompletion(jobId, Duration.ofMillis(50), VERIFY));
	}

	@Test
	void callBlockingFacesWhenSameCallsShouldMatchReactiveResults() {
		String name = createVolume();
		assertThat(clients.volumes().describe(name))
			.isEqualTo(clients.reactiveVolumes().describe(name).block(VERIFY));
		ListVolumesRequest page = ListVolumesRequest.firstPage().withPage(1, 100);
		assertThat(clients.volumes().listPage(page)).isEqualTo(clients.reactiveVolumes().listPage(page).block(VERIFY));
		assertThat(clients.volumes().listAll())
			.isEqualTo(clients.reactiveVolumes().listAll().collectList().block(VERIFY));
		assertThat(clients.stages().listPage(ListStagesRequest.firstPage().withProjectId(emulator.projectId()).withPage(1, 10)))
			.isEqualTo(clients.reactiveStages().listPage(ListStagesRequest.firstPage().withProjectId(emulator.projectId()).withPage(1, 10)).block(VERIFY));
		assertThat(clients.importJobs().list(ListImportJobsRequest.firstPage()))
			.isEqualTo(clients.reactiveImportJobs().list(ListImportJobsRequest.firstPage()).block(VERIFY));
	}

	/** Upload a file through the emulator's S3 data plane with the credentials {@code apply} issued. */
	private static void upload(String volume, String directory, String fileName, String content) {
		ApplyResult target = ControlPlane.of(clients).apply(Kind.VOLUME, volume, directory).block(VERIFY);
		assertThat(target).isNotNull();
		URI dataPlane = emulator.dataPlaneHttpUrl();
		assertThat(dataPlane).isNotNull();
		try (S3AsyncClient s3 = S3AsyncClient.builder()
			.endpointOverride(dataPlane)
			.region(Region.of(target.region()))
			.forcePathStyle(true)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
					target.credentials().tmpAK(), target.credentials().tmpSK(), target.credentials().sessionToken())))
			.build()) {
			s3.putObject((put) -> put.bucket(target.bucketName()).key(target.prefix() + directory + fileName),
					AsyncRequestBody.fromString(content))
				.join();
		}
		assertThat(emulator.object(target.prefix() + directory + fileName)).isPresent();
	}

}
