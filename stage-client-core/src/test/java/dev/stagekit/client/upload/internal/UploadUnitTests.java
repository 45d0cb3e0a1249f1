package dev.stagekit.client.upload.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.Kind;
import dev.stagekit.client.RetrySettings;
import dev.stagekit.client.internal.ApplyResult;
import dev.stagekit.client.upload.ConnectType;
import dev.stagekit.client.upload.SkipPolicy;
import dev.stagekit.client.upload.UploadProgress;
import dev.stagekit.client.upload.UploadSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Pure units of the upload engine: endpoint rules, source walking, settings and progress values.
 */
class UploadUnitTests {

	@TempDir
	Path temp;

	private static ApplyResult apply(String cloud, String endpoint, String region) {
		return new ApplyResult(Kind.VOLUME, "v", "volumes/x/", null, "bucket", endpoint, cloud, region,
				new ApplyResult.StorageCredentials("ak", "sk", "token", Instant.parse("2099-12-31T23:59:59Z")),
				new ApplyResult.Condition(1000, null));
	}

	@Test
	void resolveWhenAwsHostShouldUseVirtualHostsAndHttps() {
		StepVerifier.create(StorageEndpoint.resolve(apply("aws", "s3.us-west-2.amazonaws.com", "us-west-2"),
				ConnectType.AUTO, (host) -> Mono.error(new AssertionError("no probe for aws"))))
			.assertNext((endpoint) -> {
				assertThat(endpoint.uri()).hasToString("https://s3.us-west-2.amazonaws.com");
				assertThat(endpoint.pathStyle()).isFalse();
				assertThat(endpoint.bearer()).isFalse();
				assertThat(endpoint.region()).isEqualTo("us-west-2");
			})
			.verifyComplete();
	}

	@Test
	void resolveWhenEndpointIsBareHostShouldUseHttps() {
		assertThat(StorageEndpoint.uri("storage.example.com")).hasToString("https://storage.example.com");
	}

	@Test
	void resolveWhenEndpointIsHostAndPortShouldUseHttpsOnThatPort() {
		assertThat(StorageEndpoint.uri("storage.example.com:9443")).hasToString("https://storage.example.com:9443");
	}

	@Test
	void resolveWhenEndpointIsUrlWithSchemeShouldKeepIt() {
		assertThat(StorageEndpoint.uri("https://storage.example.com:9443"))
			.hasToString("https://storage.example.com:9443");
		assertThat(StorageEndpoint.uri(" HTTP://storage.example.com:9000 ")).hasToString("http://storage.example.com:9000");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> StorageEndpoint.uri("https://"));
	}

	@Test
	void resolveWhenIpOrLocalhostShouldUsePathStyleAndKeepExplicitScheme() {
		StorageEndpoint local = StorageEndpoint.resolve(apply("aws", "127.0.0.1:9000", ""), ConnectType.AUTO, null)
			.block();
		assertThat(local.uri()).hasToString("https://127.0.0.1:9000");
		assertThat(local.pathStyle()).isTrue();
		assertThat(local.region()).isEqualTo("us-east-1");
		StorageEndpoint plain = StorageEndpoint.resolve(apply("aws", "http://localhost:9000", "r"), ConnectType.AUTO,
				null).block();
		assertThat(plain.uri()).hasToString("http://localhost:9000");
		assertThat(plain.pathStyle()).isTrue();
		assertThat(StorageEndpoint.resolve(apply("tc", "cos.ap-beijing.myqcloud.com", "ap-beijing"), ConnectType.AUTO,
				null).block().pathStyle()).isFalse();
		assertThat(StorageEndpoint.resolve(apply("GCP", "storage.googleapis.com", "us"), ConnectType.AUTO, null)
			.block()
			.bearer()).isTrue();
	}

	@Test
	void resolveWhenAliyunShouldProbeInternalFirstAndFallBackToPublic() {
		List<String> probed = new ArrayList<>();
		StorageEndpoint reachable = StorageEndpoint.resolve(apply("ali", "ignored:1", "cn-hangzhou"), ConnectType.AUTO,
				(host) -> {
					probed.add(host);
					return Mono.just(200);
				}).block();
		assertThat(reachable.uri()).hasToString("https://oss-cn-hangzhou-internal.aliyuncs.com");
		assertThat(reachable.pathStyle()).isFalse();
		assertThat(probed).containsExactly("oss-cn-hangzhou-internal.aliyuncs.com");
		probed.clear();
		StorageEndpoint fallback = StorageEndpoint.resolve(apply("aliyun", "ignored:1", "cn-hangzhou"),
				ConnectType.AUTO, (host) -> {
					probed.add(host);
					return host.contains("internal") ? Mono.error(new IOException("unreachable")) : Mono.just(403);
				}).block();
		assertThat(fallback.uri()).hasToString("https://oss-cn-hangzhou.aliyuncs.com");
		assertThat(probed).containsExactly("oss-cn-hangzhou-internal.aliyuncs.com", "oss-cn-hangzhou.aliyuncs.com");
		assertThat(StorageEndpoint.resolve(apply("ali", "x", "cn-hangzhou"), ConnectType.AUTO,
				(host) -> Mono.just(host.contains("internal") ? 500 : 200)).block().uri().getHost())
			.isEqualTo("oss-cn-hangzhou.aliyuncs.com");
		assertThat(StorageEndpoint.resolve(apply("ali", "x", "cn-hangzhou"), ConnectType.PUBLIC,
				(host) -> Mono.just(404)).block().uri().getHost())
			.isEqualTo("oss-cn-hangzhou.aliyuncs.com");
		StepVerifier.create(StorageEndpoint.resolve(apply("ali", "x", "cn-hangzhou"), ConnectType.INTERNAL,
				(host) -> Mono.error(new IOException("no route"))))
			.expectErrorMessage("no route")
			.verify();
	}

	@Test
	void scanWhenTreeHasLinksShouldFollowFilesInStableOrderAndRefuseCycles() throws IOException {
		Path root = Files.createDirectories(this.temp.resolve("root"));
		Files.writeString(root.resolve("b.json"), "12345");
		Files.createDirectories(root.resolve("a/deeper"));
		Files.writeString(root.resolve("a/deeper/x.csv"), "1");
		Files.writeString(root.resolve("a-c.json"), "12");
		Files.writeString(root.resolve(".dot"), "");
		Path outside = Files.writeString(this.temp.resolve("outside.json"), "123");
		Files.createSymbolicLink(root.resolve("linked.json"), outside);
		Files.createSymbolicLink(root.resolve("broken.json"), this.temp.resolve("nowhere"));
		SourceScanner scanner = SourceScanner.of(root);
		List<String> paths = new ArrayList<>();
		scanner.forEach((file) -> paths.add(file.relativePath() + "=" + file.size()));
		// S3 key order: "a-c.json" sorts before "a/..." because '-' < '/'.
		assertThat(paths).containsExactly(".dot=0", "a-c.json=2", "a/deeper/x.csv=1", "b.json=5", "linked.json=3");
		assertThat(scanner.summarize()).isEqualTo(new SourceScanner.Summary(5, 11, 5));
		Files.createSymbolicLink(root.resolve("a/deeper/loop"), root.resolve("a"));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> SourceScanner.of(root).summarize())
			.withMessageContaining("symlink cycle")
			.withMessageContaining("a/deeper/loop/");
		assertThat(SourceScanner.of(root.resolve("linked.json")).summarize()).isEqualTo(new SourceScanner.Summary(1, 3, 3));
		assertThat(SourceScanner.of(root.resolve("linked.json")).iterator().next().relativePath())
			.isEqualTo("linked.json");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> SourceScanner.of(root.resolve("broken.json")))
			.withMessageContaining("broken.json")
			.withMessageContaining("does not exist");
	}

	@Test
	void settingsWhenInvalidShouldNameTheProperty() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> UploadSettings.builder().fileConcurrency(0).build())
			.withMessage("Invalid fileConcurrency '0': must be at least 1");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> UploadSettings.builder().partSize(1024L).build())
			.withMessageContaining("below the 5 MiB");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> UploadSettings.builder()
				.retry(RetrySettings.STORAGE.withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
				.build())
			.withMessageContaining("maxBackoff");
		assertThat(UploadSettings.DEFAULTS.toBuilder().build()).isEqualTo(UploadSettings.DEFAULTS);
		assertThat(UploadSettings.DEFAULTS.credentialRefreshMargin()).isEqualTo(Duration.ofMinutes(5));
		assertThat(UploadSettings.DEFAULTS.skipPolicy()).isEqualTo(SkipPolicy.OVERWRITE);
	}

	@Test
	void progressWhenComputedShouldGivePercentAndEstimate() {
		UploadProgress half = new UploadProgress(50, 100, 0, 0, 1, "a", 10, Duration.ofSeconds(5), null);
		assertThat(half.percent()).isEqualTo(50.0);
		assertThat(half.estimatedTimeLeft()).isEqualTo(Duration.ofSeconds(5));
		assertThat(new UploadProgress(0, 0, 0, 0, 0, "", 0, Duration.ZERO, null).percent()).isEqualTo(100.0);
		assertThat(new UploadProgress(0, 100, 0, 0, 1, "a", 0, Duration.ZERO, null).estimatedTimeLeft()).isNull();
	}

}
