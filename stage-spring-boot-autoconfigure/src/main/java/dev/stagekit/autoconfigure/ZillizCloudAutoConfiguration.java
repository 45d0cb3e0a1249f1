package dev.stagekit.autoconfigure;

import java.util.List;
import java.util.function.Consumer;

import javax.net.ssl.TrustManager;

import dev.stagekit.client.ApiKey;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.control.ReactiveStageManager;
import dev.stagekit.client.control.ReactiveVolumeManager;
import dev.stagekit.client.control.StageManager;
import dev.stagekit.client.control.VolumeManager;
import dev.stagekit.client.job.ImportJobs;
import dev.stagekit.client.job.MergeJobs;
import dev.stagekit.client.job.ReactiveImportJobs;
import dev.stagekit.client.job.ReactiveMergeJobs;
import dev.stagekit.client.upload.FileManagers;
import dev.stagekit.client.upload.ReactiveStageFileManager;
import dev.stagekit.client.upload.ReactiveVolumeFileManager;
import dev.stagekit.client.upload.StageFileManager;
import dev.stagekit.client.upload.UploadObserver;
import dev.stagekit.client.upload.VolumeFileManager;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for Zilliz Cloud:
 * the control-plane clients for stages, volumes and import jobs, and the file managers that upload into
 * them, all on one engine.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class })
@ConditionalOnClass({ WebClient.class, ZillizCloudClients.class })
@ConditionalOnBooleanProperty(name = "zilliz.cloud.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ZillizCloudProperties.class)
public final class ZillizCloudAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ZillizCloudConnectionDetails.class)
	PropertiesZillizCloudConnectionDetails zillizCloudConnectionDetails(ZillizCloudProperties properties) {
		return new PropertiesZillizCloudConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	ZillizCloudClients zillizCloudClients(ZillizCloudProperties properties, ZillizCloudConnectionDetails details,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<ZillizCloudWebClientCustomizer> customizers) {
		ApiKey apiKey = details.getApiKey();
		if (apiKey == null) {
			throw new ZillizCloudApiKeyMissingException(
					PropertiesZillizCloudConnectionDetails.unresolvedPlaceholder(properties.getApiKey()));
		}
		WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder);
		// Boot's connector (SSL bundle, proxy, redirects from spring.http.clients.*) with our timeouts.
		// Redirects are never followed: the bearer API key must not travel to another host.
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(properties.getConnectTimeout(), properties.getResponseTimeout())
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		ClientHttpConnector connector = connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect)
			.build(settings);
		// Like Boot's own customizers, ours run after the client's settings (base URL, connector, User-Agent).
		return ZillizCloudClients.create(ZillizCloudSettings.client(properties, details, apiKey), builder, connector,
				(customized) -> customizers.orderedStream().forEach((customizer) -> customizer.customize(customized)));
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveVolumeManager reactiveVolumeManager(ZillizCloudClients clients) {
		return clients.reactiveVolumes();
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveStageManager reactiveStageManager(ZillizCloudClients clients) {
		return clients.reactiveStages();
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveImportJobs reactiveImportJobs(ZillizCloudClients clients) {
		return clients.reactiveImportJobs();
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveMergeJobs reactiveMergeJobs(ZillizCloudClients clients) {
		return clients.reactiveMergeJobs();
	}

	@Bean
	@ConditionalOnMissingBean
	VolumeManager volumeManager(ZillizCloudClients clients) {
		return clients.volumes();
	}

	@Bean
	@ConditionalOnMissingBean
	StageManager stageManager(ZillizCloudClients clients) {
		return clients.stages();
	}

	@Bean
	@ConditionalOnMissingBean
	ImportJobs importJobs(ZillizCloudClients clients) {
		return clients.importJobs();
	}

	@Bean
	@ConditionalOnMissingBean
	MergeJobs mergeJobs(ZillizCloudClients clients) {
		return clients.mergeJobs();
	}

	/**
	 * Masks the API key in {@code /actuator/configprops} and {@code /actuator/env}, even when they are set to
	 * show values.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static final class SanitizingConfiguration {

		@Bean
		SanitizingFunction zillizCloudApiKeySanitizingFunction(ZillizCloudProperties properties) {
			return SanitizingFunction.sanitizeValue().ifMatches((data) -> isApiKey(data, properties));
		}

		private static boolean isApiKey(SanitizableData data, ZillizCloudProperties properties) {
			String key = data.getLowerCaseKey().replace("-", "").replace("_", "").replace(".", "");
			if (key.endsWith("zillizcloudapikey")) {
				return true;
			}
			Object value = data.getValue();
			String apiKey = properties.getApiKey();
			return value != null && apiKey != null && !apiKey.isEmpty() && apiKey.equals(value.toString());
		}

	}

	/**
	 * Uploads, only when the AWS SDK's S3 client is on the class path. Before the first S3 client exists, the
	 * loggers that print storage credentials at DEBUG are pinned to INFO unless the application configured
	 * them ({@link SecretSafeLogging}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ S3AsyncClient.class, NettyNioAsyncHttpClient.class })
	static final class FileManagersConfiguration {

		@Bean
		@ConditionalOnMissingBean
		FileManagers zillizCloudFileManagers(ZillizCloudClients clients, ZillizCloudProperties properties,
				ObjectProvider<SslBundles> sslBundles, ObjectProvider<ZillizCloudStorageClientCustomizer> customizers,
				ObjectProvider<UploadObserver> observer, ObjectProvider<LoggingSystem> loggingSystem) {
			SecretSafeLogging.apply(loggingSystem.getIfAvailable(() -> LoggingSystem.get(FileManagers.class.getClassLoader())));
			FileManagers.Builder builder = FileManagers.builder(clients)
				.settings(ZillizCloudSettings.upload(properties))
				.observer(observer.getIfUnique(() -> UploadObserver.NONE));
			String bundle = properties.getUpload().getSslBundle();
			if (bundle != null) {
				TrustManager[] trust = sslBundles.getObject()
					.getBundle(bundle)
					.getManagers()
					.getTrustManagerFactory()
					.getTrustManagers();
				builder.httpClientCustomizer((http) -> http.tlsTrustManagersProvider(() -> trust));
			}
			List<ZillizCloudStorageClientCustomizer> ordered = customizers.orderedStream().toList();
			for (ZillizCloudStorageClientCustomizer customizer : ordered) {
				Consumer<NettyNioAsyncHttpClient.Builder> http = customizer::customize;
				builder.httpClientCustomizer(http);
				builder.s3ClientCustomizer(customizer::customize);
			}
			return builder.build();
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnProperty("zilliz.cloud.volume.name")
		ReactiveVolumeFileManager reactiveVolumeFileManager(FileManagers files, ZillizCloudProperties properties) {
			return files.reactiveVolume(requiredName(properties.getVolume().getName()));
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnProperty("zilliz.cloud.volume.name")
		VolumeFileManager volumeFileManager(ReactiveVolumeFileManager reactive) {
			return new VolumeFileManager(reactive);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnProperty("zilliz.cloud.stage.name")
		ReactiveStageFileManager reactiveStageFileManager(FileManagers files, ZillizCloudProperties properties) {
			return files.reactiveStage(requiredName(properties.getStage().getName()));
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnProperty("zilliz.cloud.stage.name")
		StageFileManager stageFileManager(ReactiveStageFileManager reactive) {
			return new StageFileManager(reactive);
		}

		private static String requiredName(@org.jspecify.annotations.Nullable String name) {
			if (name == null) {
				throw new IllegalStateException("The name property is not set");
			}
			return name;
		}

	}

}
