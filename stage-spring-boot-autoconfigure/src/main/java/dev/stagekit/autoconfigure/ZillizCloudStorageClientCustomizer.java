package dev.stagekit.autoconfigure;

import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

/**
 * Callback interface that can be implemented by beans wishing to customize the object-storage side of
 * uploads: every {@link S3AsyncClientBuilder} (interceptors, metric publishers) and the one shared Netty
 * HTTP client (proxy, trust, event loop). Applied in {@link org.springframework.core.Ordered order}, after
 * the {@code zilliz.cloud.upload.*} properties and the engine's own settings. What the engine enforces on
 * every S3 client (its retry policy, with the SDK's own retries off, and its interceptors) is merged back
 * after the customizers, so replacing the override configuration, as
 * {@code s3.overrideConfiguration(o -> o.addExecutionInterceptor(i))} does, keeps it.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ZillizCloudStorageClientCustomizer {

	/**
	 * Customize an S3 client builder; called once per object-store endpoint (the engine keeps one client per
	 * endpoint; the temporary credentials travel with each request, not in the builder).
	 * @param builder the builder
	 */
	void customize(S3AsyncClientBuilder builder);

	/**
	 * Customize the shared HTTP client builder; called once.
	 * @param builder the builder
	 */
	default void customize(NettyNioAsyncHttpClient.Builder builder) {
	}

}
