package dev.stagekit.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.stagekit.client.control.CreateStageRequest;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.job.ImportRequest;
import dev.stagekit.emulator.ControlPlaneFault;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Calls that are not safe to repeat (create, import, merge): a lost answer is reported as outcome unknown, never as
 * transient; a name that existed before the call is never reported as created; 429 uses the full retry budget.
 */
class NonIdempotentCallTests {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static ZillizCloudEmulator emulator;

	private static ZillizCloudClients clients;

	@BeforeAll
	static void start() {
		emulator = ZillizCloudEmulator.builder().start();
		clients = ZillizCloudClients.create(ZillizCloudClientSettings.builder()
			.endpoint(emulator.controlPlaneUrl())
			.apiKey(emulator.apiKey())
			.projectId(emulator.projectId())
			.regionId(emulator.regionId())
			.clusterId(emulator.clusterId())
			.responseTimeout(Duration.ofMillis(500))
			.retry(new RetrySettings(4, Duration.ofMillis(10), Duration.ofMillis(50), 0.5))
			.build());
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@BeforeEach
	void reset() {
		emulator.clearFaults();
		emulator.resetRequestCounts();
	}

	private static String name(String prefix) {
		return prefix + "_nonidem_" + SEQUENCE.incrementAndGet();
	}

	@Test
	void createOfVolumeThatExistedBeforeShouldFailWhenFirstAttemptGot503() {
		String name = name("vol");
		clients.volumes().create(CreateVolumeRequest.builder(name).build());
		emulator.resetRequestCounts();
		emulator.inject(ControlPlaneFault.httpStatus(503).on("POST /v2/volumes/create"));
		assertThatExceptionOfType(ZillizCloudOutcomeUnknownException.class)
			.isThrownBy(() -> clients.volumes().create(CreateVolumeRequest.builder(name).build()))
			.withMessageContaining("volume '" + name + "'")
			.withMessageContaining("existed before this call")
			.withMessageContaining("describe or list")
			.satisfies((ex) -> assertThat(ex.isTransient()).isFalse());
		assertThat(emulator.requestCount("POST /v2/volumes/create")).isEqualTo(2);
	}

	@Test
	void createOfStageThatExistedBeforeShouldFailWhenFirstAttemptGot503() {
		String name = name("stage");
		CreateStageRequest request = CreateStageRequest.builder(name).build();
		clients.stages().create(request);
		emulator.inject(ControlPlaneFault.httpStatus(503).on("POST /v2/stages/create"));
		assertThatExceptionOfType(ZillizCloudOutcomeUnknownException.class)
			.isThrownBy(() -> clients.stages().create(request))
			.withMessageContaining("stage '" + name + "'");
	}

	@Test
	void createWhoseAnswerWasLostAfterProcessingShouldBeOutcomeUnknownNotSuccess() {
		String name = name("vol");
		emulator.inject(ControlPlaneFault.httpStatusAfterProcessing(503).on("POST /v2/volumes/create"));
		assertThatExceptionOfType(ZillizCloudOutcomeUnknownException.class)
			.isThrownBy(() -> clients.volumes().create(CreateVolumeRequest.builder(name).build()))
			.withMessageContaining("HTTP 503");
		assertThat(clients.volumes().describe(name).volumeName()).isEqualTo(name);
	}

	@Test
	void createWhenFirstAttemptGot503AndNameWasFreeShouldSucceed() {
		String name = name("vol");
		emulator.inject(ControlPlaneFault.httpStatus(503).on("POST /v2/volumes/create"));
		clients.volumes().create(CreateVolumeRequest.builder(name).build());
		assertThat(emulator.requestCount("POST /v2/volumes/create")).isEqualTo(2);
		assertThat(clients.volumes().describe(name).volumeName()).isEqualTo(name);
	}

	@Test
	void createWhenTwo429sShouldRetryWithTheFullBudget() {
		String name = name("vol");
		emulator.inject(ControlPlaneFault.httpStatus(429).on("POST /v2/volumes/create").times(3));
		clients.volumes().create(CreateVolumeRequest.builder(name).build());
		assertThat(emulator.requestCount("POST /v2/volumes/create")).isEqualTo(4);
		assertThat(clients.volumes().describe(name).volumeName()).isEqualTo(name);
	}

	@Test
	void importCreateWhoseAnswerWasLostShouldBeOutcomeUnknownAndSayHowToFindOut() {
		emulator.inject(ControlPlaneFault.httpStatusAfterProcessing(504).on("POST /v2/vectordb/jobs/import/create"));
		assertThatExceptionOfType(ZillizCloudOutcomeUnknownException.class)
			.isThrownBy(() -> clients.importJobs()
				.create(ImportRequest.builder("my_collection").fromVolume("some_volume", List.of(List.of("x/")))
					.build()))
			.withMessageContaining("outcome is unknown")
			.withMessageContaining("ImportJobs.list")
			.satisfies((ex) -> assertThat(ex.isTransient()).isFalse());
		assertThat(emulator.requestCount("POST /v2/vectordb/jobs/import/create")).isEqualTo(1);
	}

	@Test
	void importCreateWhenAnswerTimesOutShouldBeOutcomeUnknown() {
		emulator.inject(ControlPlaneFault.latency(Duration.ofMillis(1500)).on("POST /v2/vectordb/jobs/import/create"));
		assertThatExceptionOfType(ZillizCloudOutcomeUnknownException.class)
			.isThrownBy(() -> clients.importJobs()
				.create(ImportRequest.builder("my_collection").fromVolume("some_volume", List.of(List.of("x/")))
					.build()))
			.withMessageContaining("timed out")
			.withCauseInstanceOf(ZillizCloudTimeoutException.class);
		assertThat(emulator.requestCount("POST /v2/vectordb/jobs/import/create")).isEqualTo(1);
	}

	@Test
	void importCreateWhen429ShouldRetry() {
		emulator.inject(ControlPlaneFault.httpStatus(429).on("POST /v2/vectordb/jobs/import/create").times(2));
		assertThatExceptionOfType(ZillizCloudException.class)
			.isThrownBy(() -> clients.importJobs()
				.create(ImportRequest.builder("my_collection").fromVolume("some_volume", List.of(List.of("x/")))
					.build()))
			.isNotInstanceOf(ZillizCloudOutcomeUnknownException.class);
		assertThat(emulator.requestCount("POST /v2/vectordb/jobs/import/create")).isEqualTo(3);
	}

}
