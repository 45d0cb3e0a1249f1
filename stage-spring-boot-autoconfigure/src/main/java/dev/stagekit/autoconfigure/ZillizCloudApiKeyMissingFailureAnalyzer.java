package dev.stagekit.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a missing API key: which property to set, and how to turn the clients off instead.
 */
class ZillizCloudApiKeyMissingFailureAnalyzer extends AbstractFailureAnalyzer<ZillizCloudApiKeyMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ZillizCloudApiKeyMissingException cause) {
		return new FailureAnalysis(
				"The Zilliz Cloud clients need an API key, but the property 'zilliz.cloud.api-key' is not set and no"
						+ " ZillizCloudConnectionDetails bean provides one.",
				"Set 'zilliz.cloud.api-key' (for example 'zilliz.cloud.api-key: ${ZILLIZ_CLOUD_API_KEY}' in"
						+ " application.yml, or the environment variable ZILLIZ_CLOUD_APIKEY), define"
						+ " a ZillizCloudConnectionDetails bean, or set 'zilliz.cloud.enabled=false' to turn the"
						+ " Zilliz Cloud clients off.",
				cause);
	}

}
