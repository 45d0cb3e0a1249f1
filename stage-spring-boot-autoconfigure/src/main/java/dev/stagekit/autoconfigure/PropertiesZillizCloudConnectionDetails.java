package dev.stagekit.autoconfigure;

import java.net.URI;

import dev.stagekit.client.ApiKey;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * {@link ZillizCloudConnectionDetails} read from {@link ZillizCloudProperties}; the key is read from the
 * properties on every request, so rebinding them rotates it.
 */
final class PropertiesZillizCloudConnectionDetails implements ZillizCloudConnectionDetails {

	private final ZillizCloudProperties properties;

	PropertiesZillizCloudConnectionDetails(ZillizCloudProperties properties) {
		this.properties = properties;
	}

	@Override
	public URI getEndpoint() {
		return this.properties.getEndpoint();
	}

	@Override
	public @Nullable ApiKey getApiKey() {
		// A blank key (for example an unset ${ZILLIZ_CLOUD_API_KEY:} placeholder) counts as no key.
		return StringUtils.hasText(this.properties.getApiKey()) ? new PropertiesApiKey(this.properties) : null;
	}

	private record PropertiesApiKey(ZillizCloudProperties properties) implements ApiKey {

		@Override
		public String value() {
			String value = this.properties.getApiKey();
			if (value == null) {
				throw new IllegalStateException("zilliz.cloud.api-key is no longer set");
			}
			return value;
		}

		@Override
		public String toString() {
			return "ApiKey[******]";
		}

	}

}
