package dev.stagekit.emulator;

/**
 * The form of the data-plane {@code endpoint} that {@code apply} advertises. The real service
 * answers a bare host served on port 443; which form a storage client accepts depends on the
 * client:
 *
 * <ul>
 * <li>minio-java 8.5 ({@code MinioClient.builder().endpoint(String)}, inside the official Java
 * SDK): a bare host (HTTPS on 443) or a URL with a scheme; {@code host:port} fails with
 * {@code invalid hostname}.</li>
 * <li>minio-py ({@code Minio(endpoint, secure=True)}, inside pymilvus): a bare host or
 * {@code host:port}; a scheme is refused.</li>
 * <li>AWS SDK v2 ({@code endpointOverride(URI)}): a URL with a scheme.</li>
 * <li>This project's client: all three.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public enum EndpointForm {

	/**
	 * {@link #HOST} when the HTTPS data plane listens on port 443, as the real service does,
	 * otherwise {@link #URL}: the forms minio-java, the AWS SDK and this project's client all accept.
	 */
	AUTO,

	/** The bare host, for example {@code 127.0.0.1}: right only when the data plane is on 443. */
	HOST,

	/** {@code host:port} without a scheme, for example {@code 127.0.0.1:43121} (for minio-py). */
	HOST_PORT,

	/** A URL with a scheme, for example {@code https://127.0.0.1:43121}. */
	URL

}
