package dev.stagekit.autoconfigure;

import java.net.URI;

import dev.stagekit.client.ApiKey;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details required to reach Zilliz Cloud: where the control plane is and who is calling. Defined from the
 * {@code zilliz.cloud.*} properties unless the application (or a test) defines its own bean.
 *
 * @since 0.1.0
 */
public interface ZillizCloudConnectionDetails extends ConnectionDetails {

	/**
	 * Return the control-plane endpoint.
	 * @return the endpoint
	 */
	URI getEndpoint();

	/**
	 * Return the API key, read again for every request so that a rotated key is picked up.
	 * @return the API key, or {@code null} if none is configured
	 */
	@Nullable ApiKey getApiKey();

}
