package dev.stagekit.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a missing API key: which property to set, in a form that cannot bind silently, and how to turn the
 * clients off instead.
 */
class ZillizCloudApiKeyMissingFailureAnalyzer extends AbstractFailureAnalyzer<ZillizCloudApiKeyMissingException> {

	private static final String ACTION = "Set 'zilliz.cloud.api-key', for example 'zilliz.cloud.api-key:"
			+ " ${ZILLIZ_CLOUD_API_KEY:}' in application.yml with the environment variable ZILLIZ_CLOUD_API_KEY set"
			+ " (the empty default ':' makes an unset variable an empty, missing key rather than literal text), or"
			+ " define a ZillizCloudConnectionDetails bean, or set 'zilliz.cloud.enabled=false' to turn the Zilliz"
			+ " Cloud clients off.";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ZillizCloudApiKeyMissingException cause) {
		String placeholder = cause.getUnresolvedPlaceholder();
		String description = (placeholder != null)
				? "The Zilliz Cloud clients need an API key, but the property 'zilliz.cloud.api-key' is '" + placeholder
						+ "', a placeholder that no property or environment variable resolves."
				: "The Zilliz Cloud clients need an API key, but the property 'zilliz.cloud.api-key' is not set and no"
						+ " ZillizCloudConnectionDetails bean provides one.";
		return new FailureAnalysis(description, ACTION, cause);
	}

}
