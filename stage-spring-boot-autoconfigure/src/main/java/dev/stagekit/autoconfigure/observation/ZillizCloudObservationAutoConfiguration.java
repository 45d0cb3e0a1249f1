package dev.stagekit.autoconfigure.observation;

import dev.stagekit.autoconfigure.ZillizCloudAutoConfiguration;
import dev.stagekit.client.upload.UploadObserver;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of Micrometer
 * observations for uploads. Control-plane calls are observed by Spring Boot's own {@code WebClient}
 * observation, because their client is built from Boot's {@code WebClient.Builder}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = ZillizCloudAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "zilliz.cloud.enabled", matchIfMissing = true)
public final class ZillizCloudObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	UploadObserver zillizCloudUploadObserver(ObservationRegistry registry) {
		return new MicrometerUploadObserver(registry);
	}

}
