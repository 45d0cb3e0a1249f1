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

	/**
	 * Return the project that calls needing one use when they name none; {@code zilliz.cloud.project-id} when
	 * {@code null}.
	 * @return the project id, or {@code null}
	 */
	default @Nullable String getProjectId() {
		return null;
	}

	/**
	 * Return the region that calls needing one use when they name none; {@code zilliz.cloud.region-id} when
	 * {@code null}.
	 * @return the region id, or {@code null}
	 */
	default @Nullable String getRegionId() {
		return null;
	}

	/**
	 * Return the cluster that import jobs target when a request names none; {@code zilliz.cloud.cluster-id}
	 * when {@code null}.
	 * @return the cluster id, or {@code null}
	 */
	default @Nullable String getClusterId() {
		return null;
	}

}
