package dev.stagekit.autoconfigure;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Callback interface that can be implemented by beans wishing to customize the {@link WebClient.Builder}
 * of the Zilliz Cloud control-plane client. Applied in {@link org.springframework.core.Ordered order}, after
 * Spring Boot's own {@code WebClientCustomizer}s and after the client's settings (base URL, connector with
 * redirects off, User-Agent), as Boot applies user customizers last; the API key filter is added after them.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ZillizCloudWebClientCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder
	 */
	void customize(WebClient.Builder builder);

}
