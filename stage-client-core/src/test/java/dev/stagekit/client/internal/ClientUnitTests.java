package dev.stagekit.client.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.stagekit.client.ApiKey;
import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.InvalidSettingException;
import dev.stagekit.client.Kind;
import dev.stagekit.client.MalformedResponseException;
import dev.stagekit.client.Page;
import dev.stagekit.client.RetrySettings;
import dev.stagekit.client.StorageLocation;
import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.ZillizCloudConnectionException;
import dev.stagekit.client.ZillizCloudException;
import dev.stagekit.client.ZillizCloudTimeoutException;
import dev.stagekit.client.control.CreateStageRequest;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.control.ListVolumesRequest;
import dev.stagekit.client.control.ReactiveVolumeManager;
import dev.stagekit.client.control.VolumeType;
import dev.stagekit.client.job.ImportRequest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Pure unit tests: validation, paths, settings, redaction, no server needed.
 */
class ClientUnitTests {

	private static final String KEY = "sk-unit-secret-key-0123456789";

	private static ZillizCloudClientSettings unreachable() {
		return ZillizCloudClientSettings.builder()
			.endpoint("http://127.0.0.1:1")
			.apiKey(KEY)
			.projectId("proj-1")
			.regionId("aws-us-west-2")
			.clusterId("in01-1")
			.connectTimeout(Duration.ofMillis(500))
			.retry(RetrySettings.CONTROL_PLANE.withBackoff(Duration.ofMillis(5),
					Duration.ofMillis(20)))
			.build();
	}

	@Test
	void validateNameWhenValidShouldAccept() {
		assertThat(Validation.name("volumeName", "my_volume-1")).isEqualTo("my_volume-1");
		assertThat(Validation.name("volumeName", "_x")).isEqualTo("_x");
		assertThat(Validation.name("volumeName", "a" + "b".repeat(63))).hasSize(64);
	}

	@Test
	void validateNameWhenInvalidShouldNameFieldValueAndRule() {
		for (String bad : List.of("", "1abc", "-abc", "has space", "a/b", "a" + "b".repeat(64), "ünicode")) {
			assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> Validation.name("volumeName", bad))
				.withMessageContaining("volumeName")
				.withMessageContaining("'" + bad + "'")
				.withMessageContaining("start with a letter or underscore")
				.satisfies((ex) -> assertThat(ex.isTransient()).isFalse());
		}
	}

	@Test
	void validatePagingWhenOutOfRangeShouldReject() {
		assertThat(Validation.pageSize(1)).isEqualTo(1);
		assertThat(Validation.pageSize(100)).isEqualTo(100);
		assertThat(Validation.currentPage(1)).isEqualTo(1);
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> Validation.pageSize(0))
			.withMessageContaining("pageSize")
			.withMessageContaining("between 1 and 100");
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> Validation.pageSize(101));
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> Validation.currentPage(0))
			.withMessageContaining("currentPage");
	}

	@Test
	void validateDirectoryWhenNoTrailingSlashShouldReject() {
		assertThat(Validation.directory("path", "data/")).isEqualTo("data/");
		assertThat(Validation.directory("path", null)).isNull();
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> Validation.directory("path", "data"))
			.withMessageContaining("path")
			.withMessageContaining("must end with '/'");
	}

	@Test
	void buildPathsWhenKindGivenShouldUseKindSpecificNames() {
		assertThat(KindApi.of(Kind.VOLUME).createPath()).isEqualTo("/v2/volumes/create");
		assertThat(KindApi.of(Kind.VOLUME).applyPath()).isEqualTo("/v2/volumes/apply");
		assertThat(KindApi.of(Kind.VOLUME).itemPath("v1")).isEqualTo("/v2/volumes/v1");
		assertThat(KindApi.of(Kind.VOLUME).nameField()).isEqualTo("volumeName");
		assertThat(KindApi.of(Kind.VOLUME).listField()).isEqualTo("volumes");
		assertThat(KindApi.of(Kind.VOLUME).prefixField()).isEqualTo("volumePrefix");
		assertThat(KindApi.of(Kind.VOLUME).alreadyExistsCode()).isEqualTo(80030);
		assertThat(KindApi.of(Kind.STAGE).createPath()).isEqualTo("/v2/stages/create");
		assertThat(KindApi.of(Kind.STAGE).itemPath("s1")).isEqualTo("/v2/stages/s1");
		assertThat(KindApi.of(Kind.STAGE).nameField()).isEqualTo("stageName");
		assertThat(KindApi.of(Kind.STAGE).listField()).isEqualTo("stages");
		assertThat(KindApi.of(Kind.STAGE).prefixField()).isEqualTo("stagePrefix");
		assertThat(KindApi.of(Kind.STAGE).alreadyExistsCode()).isEqualTo(80031);
		assertThat(KindApi.of(Kind.STAGE).kind()).isEqualTo(Kind.STAGE);
	}

	@Test
	void pageWhenMoreItemsRemainShouldReportNext() {
		assertThat(new Page<>(5, 1, 2, List.of("a", "b")).hasNext()).isTrue();
		assertThat(new Page<>(5, 3, 2, List.of("e")).hasNext()).isFalse();
		assertThat(new Page<>(4, 2, 2, List.of("c", "d")).hasNext()).isFalse();
		assertThat(new Page<>(9, 1, 2, List.of()).hasNext()).isFalse();
	}

	@Test
	void buildSettingsWhenDefaultsShouldMatchContract() {
		ZillizCloudClientSettings settings = ZillizCloudClientSettings.builder().apiKey(KEY).build();
		assertThat(settings.endpoint()).isEqualTo(URI.create("https://api.cloud.zilliz.com"));
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.retry().maxAttempts()).isEqualTo(4);
		assertThat(settings.retry().minBackoff()).isEqualTo(Duration.ofMillis(200));
		assertThat(settings.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.retry().jitter()).isEqualTo(0.5);
		assertThat(settings.projectId()).isNull();
		ZillizCloudClientSettings scoped = settings.withDefaults("proj-1", "aws-us-west-2", "in01-1");
		assertThat(scoped.projectId()).isEqualTo("proj-1");
		assertThat(scoped.regionId()).isEqualTo("aws-us-west-2");
		assertThat(scoped.clusterId()).isEqualTo("in01-1");
		assertThat(scoped.apiKey()).isSameAs(settings.apiKey());
		assertThat(settings.withResponseTimeout(Duration.ofSeconds(1)).responseTimeout())
			.isEqualTo(Duration.ofSeconds(1));
		assertThat(Blocking.defaultTimeout(settings)).isGreaterThan(Duration.ofSeconds(120));
	}

	@Test
	void buildSettingsWhenInvalidShouldReject() {
		assertThatExceptionOfType(InvalidSettingException.class).isThrownBy(() -> ZillizCloudClientSettings.builder().build());
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> RetrySettings.CONTROL_PLANE.withMaxAttempts(0));
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> RetrySettings.CONTROL_PLANE.withJitter(1.5));
		assertThatExceptionOfType(InvalidSettingException.class).isThrownBy(() -> RetrySettings.CONTROL_PLANE
			.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
	}

	@Test
	void printSettingsWhenKeySetShouldNeverShowIt() {
		ZillizCloudClientSettings settings = unreachable();
		assertThat(settings.toString()).doesNotContain(KEY).contains("******");
		assertThat(ApiKey.of(KEY).toString()).isEqualTo("ApiKey[******]");
		assertThat(settings.apiKey().value()).isEqualTo(KEY);
	}

	@Test
	void printApplyResultWhenCredentialsSetShouldHideSecrets() {
		ApplyResult result = new ApplyResult(Kind.VOLUME, "v", "prefix/", null, "bucket", "host:1",
				"aws", "us-west-2", new ApplyResult.StorageCredentials("AKIDSECRET1", "SKSECRET2", "TOKENSECRET3",
						Instant.parse("2099-12-31T23:59:59Z")),
				new ApplyResult.Condition(1024, null));
		assertThat(result.toString()).doesNotContain("AKIDSECRET1", "SKSECRET2", "TOKENSECRET3")
			.contains("bucket")
			.contains("2099-12-31T23:59:59Z");
	}

	@Test
	void excerptWhenBodyLongOrSecretShouldTruncateAndRedact() {
		String body = "x".repeat(500);
		assertThat(MalformedResponseException.excerpt(body)).hasSize(203);
		assertThat(MalformedResponseException.excerpt("{\"tmpSK\": \"abc\", \"apiKey\":\"k\"}"))
			.isEqualTo("{\"tmpSK\": \"******\", \"apiKey\":\"******\"}");
		assertThat(MalformedResponseException.excerpt("")).isEqualTo("<empty body>");
	}

	@Test
	void buildImportRequestWhenStorageLocationGivenShouldUseItsPath() {
		ImportRequest request = ImportRequest.builder("coll").from(StorageLocation.volume("vol", "bulk/1/")).build();
		assertThat(request.sourceKind()).isEqualTo(Kind.VOLUME);
		assertThat(request.sourceName()).isEqualTo("vol");
		assertThat(request.dataPaths()).containsExactly(List.of("bulk/1/"));
		ImportRequest stage = ImportRequest.builder("coll").fromStage("st", List.of(List.of("a/"), List.of("b/")))
			.build();
		assertThat(stage.sourceKind()).isEqualTo(Kind.STAGE);
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> ImportRequest.builder("coll").build())
			.withMessageContaining("source");
	}

	@Test
	void createVolumeWhenInvalidShouldFailBeforeAnyRequest() {
		ZillizCloudClients clients = ZillizCloudClients.create(unreachable());
		ReactiveVolumeManager volumes = clients.reactiveVolumes();
		StepVerifier.create(volumes.create(CreateVolumeRequest.builder("9bad").build()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidRequestException.class)
				.hasMessageContaining("volumeName")
				.hasMessageContaining("9bad"))
			.verify(Duration.ofSeconds(5));
		StepVerifier
			.create(volumes.create(CreateVolumeRequest.builder("ext").type(VolumeType.EXTERNAL).path("data/").build()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidRequestException.class)
				.hasMessageContaining("storageIntegrationId"))
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(volumes.create(CreateVolumeRequest.builder("ext").external("si-1", "data").build()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidRequestException.class)
				.hasMessageContaining("must end with '/'"))
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(volumes.listPage(ListVolumesRequest.firstPage().withPage(1, 101)))
			.expectError(InvalidRequestException.class)
			.verify(Duration.ofSeconds(5));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> clients.stages().create(CreateStageRequest.builder("bad name").projectId("proj-1").regionId("aws-us-west-2").build()))
			.withMessageContaining("stageName");
	}

	@Test
	void callWhenServerUnreachableShouldRaiseTransientConnectionErrorAfterRetries() {
		ZillizCloudClients clients = ZillizCloudClients.create(unreachable());
		StepVerifier.create(clients.reactiveVolumes().describe("vol"))
			.expectErrorSatisfies((ex) -> assertThat(ex)
				.isInstanceOfAny(ZillizCloudConnectionException.class, ZillizCloudTimeoutException.class)
				.hasMessageContaining("GET /v2/volumes/vol")
				.satisfies((e) -> assertThat(((ZillizCloudException) e).isTransient()).isTrue())
				.satisfies((e) -> assertThat(e.getMessage()).doesNotContain(KEY)))
			.verify(Duration.ofSeconds(20));
		assertThatExceptionOfType(ZillizCloudException.class)
			.isThrownBy(() -> clients.volumes().describe("vol"))
			.satisfies((ex) -> assertThat(ex.isTransient()).isTrue());
	}

}
