package dev.stagekit.autoconfigure;

import java.net.URI;
import java.util.regex.Pattern;

import dev.stagekit.client.ApiKey;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * {@link ZillizCloudConnectionDetails} read from {@link ZillizCloudProperties}; the key is read from the
 * properties on every request, so rebinding them rotates it.
 */
final class PropertiesZillizCloudConnectionDetails implements ZillizCloudConnectionDetails {

	/** What Boot leaves of a placeholder it cannot resolve; no API key contains it. */
	private static final Pattern UNRESOLVED = Pattern.compile("\\$\\{[^}]*}");

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
		// A blank key (for example an unset ${ZILLIZ_CLOUD_API_KEY:} placeholder) counts as no key, and so does
		// a placeholder nothing resolved (an unset ${ZILLIZ_CLOUD_API_KEY}, which Boot binds as literal text).
		String value = this.properties.getApiKey();
		return (StringUtils.hasText(value) && unresolvedPlaceholder(value) == null) ? new PropertiesApiKey(this.properties)
				: null;
	}

	/**
	 * Return the unresolved placeholder a configured value consists of, if it is one.
	 * @param value the configured value
	 * @return the value when it holds an unresolved {@code ${...}} placeholder, else {@code null}
	 */
	static @Nullable String unresolvedPlaceholder(@Nullable String value) {
		return (value != null && UNRESOLVED.matcher(value).find()) ? value : null;
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
		public String origin() {
			return "the property 'zilliz.cloud.api-key'";
		}

		@Override
		public String toString() {
			return "ApiKey[******]";
		}

	}

}
