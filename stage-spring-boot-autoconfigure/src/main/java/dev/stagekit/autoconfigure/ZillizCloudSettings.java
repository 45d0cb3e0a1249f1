package dev.stagekit.autoconfigure;

import java.time.Duration;

import dev.stagekit.client.ApiKey;
import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.upload.UploadSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Turns {@link ZillizCloudProperties} into client settings, refusing bad values with an
 * {@link InvalidConfigurationPropertyValueException} that names the property, the value and the rule (Spring
 * Boot's failure analyzer prints it at startup).
 */
final class ZillizCloudSettings {

	private static final String PREFIX = "zilliz.cloud.";

	private static final DataSize MIN_PART_SIZE = DataSize.ofMegabytes(5);

	private static final DataSize MAX_PART_SIZE = DataSize.ofGigabytes(5);

	private ZillizCloudSettings() {
	}

	static ZillizCloudClientSettings client(ZillizCloudProperties properties, ZillizCloudConnectionDetails details,
			ApiKey apiKey) {
		positive("connect-timeout", properties.getConnectTimeout());
		positive("response-timeout", properties.getResponseTimeout());
		ZillizCloudProperties.Retry retry = properties.getRetry();
		atLeast("retry.max-attempts", retry.getMaxAttempts(), 1);
		if (retry.getMinBackoff().isNegative()) {
			throw invalid("retry.min-backoff", retry.getMinBackoff(), "must not be negative");
		}
		if (retry.getMaxBackoff().compareTo(retry.getMinBackoff()) < 0) {
			throw invalid("retry.max-backoff", retry.getMaxBackoff(),
					"must not be shorter than zilliz.cloud.retry.min-backoff (" + retry.getMinBackoff() + ")");
		}
		if (retry.getJitter() < 0 || retry.getJitter() > 1) {
			throw invalid("retry.jitter", retry.getJitter(), "must be between 0 and 1");
		}
		return ZillizCloudClientSettings.builder()
			.endpoint(details.getEndpoint())
			.apiKey(apiKey)
			.projectId(textOrNull(properties.getProjectId()))
			.regionId(textOrNull(properties.getRegionId()))
			.clusterId(textOrNull(properties.getClusterId()))
			.connectTimeout(properties.getConnectTimeout())
			.responseTimeout(properties.getResponseTimeout())
			.retry(new ZillizCloudClientSettings.RetrySettings(retry.getMaxAttempts(), retry.getMinBackoff(),
					retry.getMaxBackoff(), retry.getJitter()))
			.build();
	}

	static UploadSettings upload(ZillizCloudProperties properties) {
		ZillizCloudProperties.Upload upload = properties.getUpload();
		atLeast("upload.concurrency", upload.getConcurrency(), 1);
		atLeast("upload.part-concurrency", upload.getPartConcurrency(), 1);
		atLeast("upload.max-retries", upload.getMaxRetries(), 0);
		atLeast("upload.max-connections", upload.getMaxConnections(), 1);
		DataSize partSize = upload.getPartSize();
		if (partSize != null && (partSize.compareTo(MIN_PART_SIZE) < 0 || partSize.compareTo(MAX_PART_SIZE) > 0)) {
			throw invalid("upload.part-size", partSize, "must be between 5MB and 5GB (S3's part size limits)");
		}
		positive("upload.retry-backoff", upload.getRetryBackoff());
		positive("upload.max-retry-backoff", upload.getMaxRetryBackoff());
		if (upload.getMaxRetryBackoff().compareTo(upload.getRetryBackoff()) < 0) {
			throw invalid("upload.max-retry-backoff", upload.getMaxRetryBackoff(),
					"must not be shorter than zilliz.cloud.upload.retry-backoff (" + upload.getRetryBackoff() + ")");
		}
		if (upload.getCredentialRefreshMargin().isNegative()) {
			throw invalid("upload.credential-refresh-margin", upload.getCredentialRefreshMargin(),
					"must not be negative");
		}
		positive("upload.connect-timeout", upload.getConnectTimeout());
		positive("upload.read-timeout", upload.getReadTimeout());
		positive("upload.write-timeout", upload.getWriteTimeout());
		positive("upload.progress-interval", upload.getProgressInterval());
		UploadSettings.Builder builder = UploadSettings.builder();
		if (upload.getCheckpointDirectory() != null) {
			builder.checkpointDirectory(upload.getCheckpointDirectory());
		}
		return builder.fileConcurrency(upload.getConcurrency())
			.partConcurrency(upload.getPartConcurrency())
			.partSize((partSize != null) ? partSize.toBytes() : 0)
			.maxRetries(upload.getMaxRetries())
			.retryBackoff(upload.getRetryBackoff())
			.maxRetryBackoff(upload.getMaxRetryBackoff())
			.credentialRefreshMargin(upload.getCredentialRefreshMargin())
			.skipPolicy(upload.getSkipPolicy())
			.checksum(upload.getChecksum())
			.connectType(properties.getConnectType())
			.connectTimeout(upload.getConnectTimeout())
			.readTimeout(upload.getReadTimeout())
			.writeTimeout(upload.getWriteTimeout())
			.maxConnections(upload.getMaxConnections())
			.progressInterval(upload.getProgressInterval())
			.resumable(upload.isResumable())
			.build();
	}

	private static @Nullable String textOrNull(@Nullable String value) {
		return StringUtils.hasText(value) ? value : null;
	}

	private static void atLeast(String name, int value, int min) {
		if (value < min) {
			throw invalid(name, value, "must be at least " + min);
		}
	}

	private static void positive(String name, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw invalid(name, value, "must be a positive duration");
		}
	}

	private static InvalidConfigurationPropertyValueException invalid(String name, @Nullable Object value,
			String reason) {
		return new InvalidConfigurationPropertyValueException(PREFIX + name, value, reason);
	}

}
