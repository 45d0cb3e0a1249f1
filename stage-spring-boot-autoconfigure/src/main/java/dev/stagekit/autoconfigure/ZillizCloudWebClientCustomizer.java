package dev.stagekit.autoconfigure;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Callback interface that can be implemented by beans wishing to customize the {@link WebClient.Builder}
 * of the Zilliz Cloud control-plane client, after Spring Boot's own customizers and the client's settings.
 * Applied in {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface ZillizCloudWebClientCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder
	 */
	void customize(WebClient.Builder builder);

}
