package dev.stagekit.client;

import java.time.Duration;

import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Merge jobs: requests refused before anything is sent.
 */
class MergeJobsTests {

	private static ZillizCloudEmulator emulator;

	private static ZillizCloudClients clients;

	@BeforeAll
	static void start() {
		emulator = ZillizCloudEmulator.builder().importDuration(Duration.ofMillis(300)).start();
		clients = ZillizCloudClients.create(ZillizCloudClientSettings.builder()
			.endpoint(emulator.controlPlaneUrl())
			.apiKey(emulator.apiKey())
			.clusterId(emulator.clusterId())
			.build());
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@BeforeEach
	void reset() {
		emulator.resetRequestCounts();
	}

	@Test
	void newFieldWhenVarcharWithoutMaxLengthShouldBeRefused() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> new NewField("title", MergeDataType.VARCHAR, null))
			.withMessageContaining("newFields[title].params.maxLength")
			.withMessageContaining("positive maximum length");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> new NewField("n", MergeDataType.INT64, 10))
			.withMessageContaining("only VARCHAR fields take a maximum length");
		assertThat(NewField.varchar("title", 256).maxLength()).isEqualTo(256);
	}

	@Test
	void mergeWhenDestinationIsTheSourceShouldBeRefusedBeforeAnyRequest() {
		MergeRequest request = MergeRequest.builder("docs", "docs", "id")
			.newField(NewField.of("score", MergeDataType.FLOAT))
			.fromVolume("vol", "extra/")
			.build();
		StepVerifier.create(clients.reactiveMergeJobs().merge(request))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidRequestException.class)
				.hasMessageContaining("destCollectionName")
				.hasMessageContaining("must differ from the source collection"))
			.verify(Duration.ofSeconds(5));
		MergeRequest otherDb = MergeRequest.builder("docs", "docs", "id")
			.destDbName("archive")
			.newField(NewField.of("score", MergeDataType.FLOAT))
			.build();
		assertThat(otherDb.destDbName()).isEqualTo("archive");
		assertThat(emulator.requestCounts().values()).allMatch((count) -> count == 0);
	}

	@Test
	void mergeWhenNoNewFieldOrBadNamesShouldBeRefusedBeforeAnyRequest() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> clients.mergeJobs().merge(MergeRequest.builder("docs", "docs2", "id").build()))
			.withMessageContaining("newFields");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> clients.mergeJobs()
				.merge(MergeRequest.builder("docs", "docs2", "id")
					.newField(NewField.of("x", MergeDataType.BOOL))
					.fromStage("bad stage name!", "p.parquet")
					.build()))
			.withMessageContaining("stageName");
		assertThat(emulator.requestCounts().values()).allMatch((count) -> count == 0);
	}

}
