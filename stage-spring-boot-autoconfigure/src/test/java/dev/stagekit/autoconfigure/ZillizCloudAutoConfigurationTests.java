package dev.stagekit.autoconfigure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import dev.stagekit.client.ApiKey;
import dev.stagekit.client.RetrySettings;
import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.ZillizCloudException;
import dev.stagekit.client.ZillizCloudTimeoutException;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.control.ListVolumesRequest;
import dev.stagekit.client.control.ReactiveStageManager;
import dev.stagekit.client.control.ReactiveVolumeManager;
import dev.stagekit.client.control.StageManager;
import dev.stagekit.client.control.VolumeManager;
import dev.stagekit.client.job.ImportJobs;
import dev.stagekit.client.job.MergeJobs;
import dev.stagekit.client.job.ReactiveImportJobs;
import dev.stagekit.client.job.ReactiveMergeJobs;
import dev.stagekit.client.upload.ConnectType;
import dev.stagekit.client.upload.FileManagers;
import dev.stagekit.client.upload.ReactiveStageFileManager;
import dev.stagekit.client.upload.ReactiveVolumeFileManager;
import dev.stagekit.client.upload.SkipPolicy;
import dev.stagekit.client.upload.StageFileManager;
import dev.stagekit.client.upload.UploadChecksum;
import dev.stagekit.client.upload.UploadSettings;
import dev.stagekit.client.upload.VolumeFileManager;
import dev.stagekit.emulator.ControlPlaneFault;
import dev.stagekit.emulator.ZillizCloudEmulator;
import dev.stagekit.emulator.junit.ZillizCloudEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ZillizCloudAutoConfiguration}.
 */
class ZillizCloudAutoConfigurationTests {

	@RegisterExtension
	static final ZillizCloudEmulatorExtension zilliz = ZillizCloudEmulatorExtension.withSettings((settings) -> settings.advertisePlainHttp(true));

	private final ZillizCloudEmulator emulator = zilliz.emulator();

	@TempDir
	Path temp;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, ZillizCloudAutoConfiguration.class));

	private ApplicationContextRunner withEmulator() {
		return this.contextRunner.withPropertyValues("zilliz.cloud.endpoint=" + emulator.controlPlaneUrl(),
				"zilliz.cloud.api-key=" + emulator.apiKey(), "zilliz.cloud.project-id=" + emulator.projectId(),
				"zilliz.cloud.region-id=" + emulator.regionId());
	}

	@Test
	void configureWhenApiKeySetShouldDefineEveryClientWithDefaults() {
		this.contextRunner.withPropertyValues("zilliz.cloud.api-key=key-1").run((context) -> {
			assertThat(context).hasSingleBean(ZillizCloudClients.class)
				.hasSingleBean(PropertiesZillizCloudConnectionDetails.class)
				.hasSingleBean(ReactiveVolumeManager.class)
				.hasSingleBean(ReactiveStageManager.class)
				.hasSingleBean(ReactiveImportJobs.class)
				.hasSingleBean(VolumeManager.class)
				.hasSingleBean(StageManager.class)
				.hasSingleBean(ImportJobs.class)
				.hasSingleBean(ReactiveMergeJobs.class)
				.hasSingleBean(MergeJobs.class)
				.hasSingleBean(FileManagers.class)
				.doesNotHaveBean(VolumeFileManager.class)
				.doesNotHaveBean(StageFileManager.class);
			ZillizCloudClientSettings settings = context.getBean(ZillizCloudClients.class).settings();
			assertThat(settings.endpoint()).isEqualTo(URI.create("https://api.cloud.zilliz.com"));
			assertThat(settings.apiKey().value()).isEqualTo("key-1");
			assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(settings.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(settings.retry()).isEqualTo(RetrySettings.CONTROL_PLANE);
			assertThat(context.getBean(FileManagers.class).settings()).isEqualTo(UploadSettings.DEFAULTS);
		});
	}

	static Stream<Arguments> properties() {
		return Stream.of(
				property("zilliz.cloud.endpoint=http://localhost:1234", (c) -> client(c).endpoint(),
						URI.create("http://localhost:1234")),
				property("zilliz.cloud.project-id=proj-7", (c) -> client(c).projectId(), "proj-7"),
				property("zilliz.cloud.region-id=gcp-us-west1", (c) -> client(c).regionId(), "gcp-us-west1"),
				property("zilliz.cloud.cluster-id=in01-x", (c) -> client(c).clusterId(), "in01-x"),
				property("zilliz.cloud.connect-timeout=3s", (c) -> client(c).connectTimeout(), Duration.ofSeconds(3)),
				property("zilliz.cloud.response-timeout=7s", (c) -> client(c).responseTimeout(),
						Duration.ofSeconds(7)),
				property("zilliz.cloud.retry.max-attempts=9", (c) -> client(c).retry().maxAttempts(), 9),
				property("zilliz.cloud.retry.min-backoff=10ms", (c) -> client(c).retry().minBackoff(),
						Duration.ofMillis(10)),
				property("zilliz.cloud.retry.max-backoff=9s", (c) -> client(c).retry().maxBackoff(),
						Duration.ofSeconds(9)),
				property("zilliz.cloud.retry.jitter=0.25", (c) -> client(c).retry().jitter(), 0.25),
				property("zilliz.cloud.connect-type=internal", (c) -> upload(c).connectType(), ConnectType.INTERNAL),
				property("zilliz.cloud.upload.concurrency=7", (c) -> upload(c).fileConcurrency(), 7),
				property("zilliz.cloud.upload.part-concurrency=3", (c) -> upload(c).partConcurrency(), 3),
				property("zilliz.cloud.upload.part-size=16MB", (c) -> upload(c).partSize(),
						DataSize.ofMegabytes(16).toBytes()),
				property("zilliz.cloud.upload.retry.max-attempts=3", (c) -> upload(c).retry().maxAttempts(), 3),
				property("zilliz.cloud.upload.retry.min-backoff=1s", (c) -> upload(c).retry().minBackoff(),
						Duration.ofSeconds(1)),
				property("zilliz.cloud.upload.retry.max-backoff=30s", (c) -> upload(c).retry().maxBackoff(),
						Duration.ofSeconds(30)),
				property("zilliz.cloud.upload.retry.jitter=0.25", (c) -> upload(c).retry().jitter(), 0.25),
				property("zilliz.cloud.upload.credential-refresh-margin=2m",
						(c) -> upload(c).credentialRefreshMargin(), Duration.ofMinutes(2)),
				property("zilliz.cloud.upload.skip-policy=skip-if-same-checksum", (c) -> upload(c).skipPolicy(),
						SkipPolicy.SKIP_IF_SAME_CHECKSUM),
				property("zilliz.cloud.upload.skip-policy=skip-if-same-size-and-mtime", (c) -> upload(c).skipPolicy(),
						SkipPolicy.SKIP_IF_SAME_SIZE_AND_MTIME),
				property("zilliz.cloud.upload.checksum=sha256", (c) -> upload(c).checksum(), UploadChecksum.SHA256),
				property("zilliz.cloud.upload.connect-timeout=4s", (c) -> upload(c).connectTimeout(),
						Duration.ofSeconds(4)),
				property("zilliz.cloud.upload.read-timeout=90s", (c) -> upload(c).readTimeout(),
						Duration.ofSeconds(90)),
				property("zilliz.cloud.upload.write-timeout=80s", (c) -> upload(c).writeTimeout(),
						Duration.ofSeconds(80)),
				property("zilliz.cloud.upload.max-connections=8", (c) -> upload(c).maxConnections(), 8),
				property("zilliz.cloud.upload.progress-interval=1s", (c) -> upload(c).progressInterval(),
						Duration.ofSeconds(1)),
				property("zilliz.cloud.upload.resumable=true", (c) -> upload(c).resumable(), true),
				property("zilliz.cloud.upload.checkpoint-directory=/var/tmp/zc", (c) -> upload(c).checkpointDirectory(),
						Path.of("/var/tmp/zc")),
				property("zilliz.cloud.volume.name=vol_a", (c) -> c.getBean(VolumeFileManager.class).name(), "vol_a"),
				property("zilliz.cloud.stage.name=stage_a", (c) -> c.getBean(StageFileManager.class).name(),
						"stage_a"));
	}

	private static Arguments property(String property, Function<AssertableApplicationContext, Object> actual,
			Object expected) {
		return Arguments.of(property, actual, expected);
	}

	private static ZillizCloudClientSettings client(AssertableApplicationContext context) {
		return context.getBean(ZillizCloudClients.class).settings();
	}

	private static UploadSettings upload(AssertableApplicationContext context) {
		return context.getBean(FileManagers.class).settings();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("properties")
	void configureWhenPropertySetShouldReachTheClient(String property,
			Function<AssertableApplicationContext, Object> actual, Object expected) {
		this.contextRunner.withPropertyValues("zilliz.cloud.api-key=key", property)
			.run((context) -> assertThat(actual.apply(context)).isEqualTo(expected));
	}

	@Test
	void configureWhenResponseTimeoutSetShouldApplyItToControlPlaneCalls() {
		emulator.inject(ControlPlaneFault.latency(Duration.ofSeconds(3)).on("GET /v2/volumes").times(1));
		try {
			withEmulator().withPropertyValues("zilliz.cloud.response-timeout=300ms", "zilliz.cloud.retry.max-attempts=1")
				.run((context) -> assertThatExceptionOfType(ZillizCloudTimeoutException.class)
					.isThrownBy(() -> context.getBean(VolumeManager.class).listPage(ListVolumesRequest.firstPage()))
					.withMessageContaining("response timeout PT0.3S"));
		}
		finally {
			emulator.clearFaults();
		}
	}

	@Test
	void configureWhenNamesSetShouldBindFileManagersToThem() {
		this.contextRunner
			.withPropertyValues("zilliz.cloud.api-key=key", "zilliz.cloud.volume.name=vol_b",
					"zilliz.cloud.stage.name=stage_b")
			.run((context) -> {
				assertThat(context).hasSingleBean(VolumeFileManager.class)
					.hasSingleBean(ReactiveVolumeFileManager.class)
					.hasSingleBean(StageFileManager.class)
					.hasSingleBean(ReactiveStageFileManager.class);
				assertThat(context.getBean(ReactiveVolumeFileManager.class).name()).isEqualTo("vol_b");
				assertThat(context.getBean(ReactiveStageFileManager.class).name()).isEqualTo("stage_b");
			});
	}

	@Test
	void configureWhenUserDefinesBeansShouldBackOff() {
		this.contextRunner.withPropertyValues("zilliz.cloud.api-key=key", "zilliz.cloud.volume.name=vol_c")
			.withUserConfiguration(UserBeans.class)
			.run((context) -> {
				assertThat(context.getBean(VolumeManager.class)).isSameAs(context.getBean("userVolumeManager"));
				assertThat(context.getBean(VolumeFileManager.class)).isSameAs(context.getBean("userVolumeFileManager"));
				assertThat(context).hasSingleBean(StageManager.class).hasSingleBean(FileManagers.class);
			});
	}

	@Test
	void configureWhenUserDefinesConnectionDetailsShouldUseThem() {
		this.contextRunner
			.withPropertyValues("zilliz.cloud.endpoint=http://ignored:1", "zilliz.cloud.project-id=" + emulator.projectId())
			.withBean(ZillizCloudConnectionDetails.class, () -> new ZillizCloudConnectionDetails() {

				@Override
				public URI getEndpoint() {
					return emulator.controlPlaneUrl();
				}

				@Override
				public ApiKey getApiKey() {
					return ApiKey.of(emulator.apiKey());
				}

			})
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PropertiesZillizCloudConnectionDetails.class);
				assertThat(client(context).endpoint()).isEqualTo(emulator.controlPlaneUrl());
				assertThat(context.getBean(VolumeManager.class).listPage(ListVolumesRequest.firstPage())).isNotNull();
			});
	}

	@Test
	void configureWhenCustomizersDefinedShouldApplyThemInOrder() throws IOException {
		withEmulator().withUserConfiguration(Customizers.class).run((context) -> {
			Customizers customizers = context.getBean(Customizers.class);
			context.getBean(VolumeManager.class).create(CreateVolumeRequest.builder("customized").build());
			Path file = Files.writeString(this.temp.resolve("c.json"), "{}");
			context.getBean(FileManagers.class).volume("customized").upload(file, "");
			assertThat(customizers.calls).containsSubsequence("s3-first", "s3-second");
			assertThat(customizers.calls).containsSubsequence("web-first", "web-second");
			assertThat(customizers.calls).containsSubsequence("http-first", "http-second");
			assertThat(customizers.headers).contains("first-then-second");
		});
	}

	@Test
	void configureWhenDisabledShouldDefineNothing() {
		this.contextRunner.withPropertyValues("zilliz.cloud.api-key=key", "zilliz.cloud.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ZillizCloudClients.class)
				.doesNotHaveBean(FileManagers.class)
				.doesNotHaveBean(VolumeManager.class)
				.doesNotHaveBean(ZillizCloudProperties.class));
	}

	@Test
	void configureWhenApiKeyMissingShouldFailWithAnalysisNamingTheProperty() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			ZillizCloudApiKeyMissingException cause = findCause(failure, ZillizCloudApiKeyMissingException.class);
			FailureAnalysis analysis = new ZillizCloudApiKeyMissingFailureAnalyzer().analyze(failure);
			assertThat(cause).isNotNull();
			assertThat(analysis.getDescription()).contains("'zilliz.cloud.api-key' is not set");
			assertThat(analysis.getAction()).contains("zilliz.cloud.api-key", "zilliz.cloud.enabled=false");
		});
	}

	@Test
	void configureWhenPropertyInvalidShouldFailNamingPropertyValueAndRule() {
		this.contextRunner.withPropertyValues("zilliz.cloud.api-key=key", "zilliz.cloud.upload.part-size=1MB")
			.run((context) -> assertThat(findCause(context.getStartupFailure(),
					InvalidConfigurationPropertyValueException.class))
				.hasMessageContaining("zilliz.cloud.upload.part-size")
				.hasMessageContaining("1048576B")
				.hasMessageContaining("between 5MB and 5GB"));
		this.contextRunner.withPropertyValues("zilliz.cloud.api-key=key", "zilliz.cloud.retry.jitter=2")
			.run((context) -> assertThat(findCause(context.getStartupFailure(),
					InvalidConfigurationPropertyValueException.class))
				.hasMessageContaining("zilliz.cloud.retry.jitter")
				.hasMessageContaining("between 0 and 1"));
		this.contextRunner.withPropertyValues("zilliz.cloud.api-key=key", "zilliz.cloud.upload.concurrency=0")
			.run((context) -> assertThat(findCause(context.getStartupFailure(),
					InvalidConfigurationPropertyValueException.class))
				.hasMessageContaining("zilliz.cloud.upload.concurrency")
				.hasMessageContaining("at least 1"));
	}

	@Test
	void configureWhenUploadRetryInvalidShouldNameTheUploadRetryProperty() {
		this.contextRunner
			.withPropertyValues("zilliz.cloud.api-key=key", "zilliz.cloud.upload.retry.min-backoff=5s",
					"zilliz.cloud.upload.retry.max-backoff=1s")
			.run((context) -> assertThat(findCause(context.getStartupFailure(),
					InvalidConfigurationPropertyValueException.class))
				.hasMessageContaining("zilliz.cloud.upload.retry.max-backoff")
				.hasMessageContaining("PT1S")
				.hasMessageContaining("must not be shorter than minBackoff"));
		this.contextRunner.withPropertyValues("zilliz.cloud.api-key=key", "zilliz.cloud.retry.max-attempts=0")
			.run((context) -> assertThat(findCause(context.getStartupFailure(),
					InvalidConfigurationPropertyValueException.class))
				.hasMessageContaining("zilliz.cloud.retry.max-attempts")
				.hasMessageContaining("at least 1"));
	}

	@Test
	void configureWhenS3ClientMissingShouldDefineOnlyControlPlaneClients() {
		this.contextRunner.withPropertyValues("zilliz.cloud.api-key=key", "zilliz.cloud.volume.name=vol_d")
			.withClassLoader(new FilteredClassLoader(S3AsyncClient.class))
			.run((context) -> assertThat(context).hasSingleBean(VolumeManager.class)
				.doesNotHaveBean(FileManagers.class)
				.doesNotHaveBean(VolumeFileManager.class));
	}

	@Test
	void configureWhenWebClientMissingShouldDefineNothing() {
		this.contextRunner.withPropertyValues("zilliz.cloud.api-key=key")
			.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ZillizCloudClients.class));
	}

	@Test
	void configureWhenActuatorShowsValuesShouldStillMaskTheApiKey() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
					ConfigurationPropertiesReportEndpointAutoConfiguration.class,
					EnvironmentEndpointAutoConfiguration.class))
			.withPropertyValues("zilliz.cloud.api-key=very-secret-key", "management.endpoint.configprops.show-values=always",
					"management.endpoint.env.show-values=always", "management.endpoints.web.exposure.include=*")
			.run((context) -> {
				Map<String, Object> zilliz = context.getBean(ConfigurationPropertiesReportEndpoint.class)
					.configurationProperties()
					.getContexts()
					.values()
					.stream()
					.flatMap((beans) -> beans.getBeans().values().stream())
					.filter((bean) -> bean.getPrefix().equals("zilliz.cloud"))
					.findFirst()
					.orElseThrow()
					.getProperties();
				assertThat(zilliz).containsEntry("apiKey", "******").containsEntry("enabled", true);
				List<Object> envValues = context.getBean(EnvironmentEndpoint.class)
					.environment(null)
					.getPropertySources()
					.stream()
					.map((source) -> source.getProperties().get("zilliz.cloud.api-key"))
					.filter(Objects::nonNull)
					.map((value) -> value.getValue())
					.toList();
				assertThat(envValues).containsExactly("******");
				assertThat(context.getBean(ZillizCloudClients.class).settings().toString())
					.doesNotContain("very-secret-key");
				assertThat(context.getBean(ZillizCloudConnectionDetails.class).getApiKey().toString())
					.doesNotContain("very-secret-key");
			});
	}

	@Test
	void configureWhenControlPlaneRedirectsShouldNotFollowWithTheKey() throws IOException {
		List<String> leaked = new CopyOnWriteArrayList<>();
		HttpServer elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		elsewhere.createContext("/", (exchange) -> {
			leaked.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		HttpServer redirecting = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		redirecting.createContext("/", (exchange) -> {
			exchange.getResponseHeaders()
				.add("Location", "http://127.0.0.1:" + elsewhere.getAddress().getPort() + exchange.getRequestURI());
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		elsewhere.start();
		redirecting.start();
		try {
			this.contextRunner
				.withPropertyValues("zilliz.cloud.endpoint=http://127.0.0.1:" + redirecting.getAddress().getPort(),
						"zilliz.cloud.api-key=redirect-secret", "zilliz.cloud.project-id=p",
						"spring.http.clients.redirects=follow")
				.run((context) -> assertThatExceptionOfType(ZillizCloudException.class)
					.isThrownBy(() -> context.getBean(VolumeManager.class).listPage(ListVolumesRequest.firstPage()))
					.withMessageContaining("302"));
			assertThat(leaked).isEmpty();
		}
		finally {
			redirecting.stop(0);
			elsewhere.stop(0);
		}
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		@Bean
		VolumeManager userVolumeManager(ZillizCloudClients clients) {
			return clients.volumes().withTimeout(Duration.ofSeconds(1));
		}

		@Bean
		VolumeFileManager userVolumeFileManager(FileManagers files) {
			return files.volume("user_volume");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Customizers {

		final List<String> calls = new CopyOnWriteArrayList<>();

		final List<String> headers = new CopyOnWriteArrayList<>();

		@Bean
		@Order(2)
		ZillizCloudWebClientCustomizer secondWebClientCustomizer() {
			return (builder) -> {
				this.calls.add("web-second");
				builder.defaultHeaders((headers) -> headers.set("X-Order", headers.getFirst("X-Order") + "-then-second"));
				builder.filter((request, next) -> {
					this.headers.add(String.valueOf(request.headers().getFirst("X-Order")));
					return next.exchange(request);
				});
			};
		}

		@Bean
		@Order(1)
		ZillizCloudWebClientCustomizer firstWebClientCustomizer() {
			return (builder) -> {
				this.calls.add("web-first");
				builder.defaultHeader("X-Order", "first");
			};
		}

		@Bean
		@Order(2)
		ZillizCloudStorageClientCustomizer secondStorageCustomizer() {
			return new Recording("second");
		}

		@Bean
		@Order(1)
		ZillizCloudStorageClientCustomizer firstStorageCustomizer() {
			return new Recording("first");
		}

		private final class Recording implements ZillizCloudStorageClientCustomizer {

			private final String name;

			Recording(String name) {
				this.name = name;
			}

			@Override
			public void customize(S3AsyncClientBuilder builder) {
				Customizers.this.calls.add("s3-" + this.name);
			}

			@Override
			public void customize(NettyNioAsyncHttpClient.Builder builder) {
				Customizers.this.calls.add("http-" + this.name);
			}

		}

	}

}
