package dev.stagekit.autoconfigure;

import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

/**
 * Callback interface that can be implemented by beans wishing to customize the object-storage side of
 * uploads: every {@link S3AsyncClientBuilder} (interceptors, metric publishers) and the one shared Netty
 * HTTP client (proxy, trust, event loop). Applied in {@link org.springframework.core.Ordered order}, after
 * the {@code zilliz.cloud.upload.*} properties.
 */
@FunctionalInterface
public interface ZillizCloudStorageClientCustomizer {

	/**
	 * Customize an S3 client builder; called for each set of temporary credentials.
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
