package dev.stagekit.autoconfigure.observation;

import dev.stagekit.autoconfigure.ZillizCloudAutoConfiguration;
import dev.stagekit.autoconfigure.ZillizCloudStorageClientCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.metrics.MetricPublisher;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of per-request
 * object-storage metrics ({@code zilliz.cloud.storage.requests}, {@code zilliz.cloud.storage.request.bytes}) in
 * the application's {@link MeterRegistry}. Control-plane calls are measured by Spring Boot's own
 * {@code http.client.requests}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = ZillizCloudAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, MetricPublisher.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "zilliz.cloud.enabled", matchIfMissing = true)
public final class ZillizCloudStorageMetricsAutoConfiguration {

	@Bean
	ZillizCloudStorageClientCustomizer zillizCloudStorageMetrics(MeterRegistry registry) {
		return new MicrometerStorageMetrics(registry);
	}

}
