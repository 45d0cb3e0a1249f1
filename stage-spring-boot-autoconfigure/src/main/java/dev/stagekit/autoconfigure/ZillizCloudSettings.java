package dev.stagekit.autoconfigure;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import dev.stagekit.client.ApiKey;
import dev.stagekit.client.InvalidSettingException;
import dev.stagekit.client.RetrySettings;
import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.upload.UploadSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Maps {@link ZillizCloudProperties} onto the client's settings. Every default and every rule lives in the
 * client's settings types; a value they refuse ({@link InvalidSettingException}) is reported as an
 * {@link InvalidConfigurationPropertyValueException} naming the property, its value and the rule, which
 * Spring Boot's failure analyzer prints at startup.
 */
final class ZillizCloudSettings {

	private static final String PREFIX = "zilliz.cloud.";

	/** Settings whose property is not named after them (the rest are, in kebab case). */
	private static final Map<String, String> RENAMED = Map.of("upload.fileConcurrency", "upload.concurrency",
			"upload.connectType", "connect-type");

	private ZillizCloudSettings() {
	}

	static ZillizCloudClientSettings client(ZillizCloudProperties properties, ZillizCloudConnectionDetails details,
			ApiKey apiKey) {
		return mapped(properties, "", () -> {
			ZillizCloudClientSettings.Builder builder = ZillizCloudClientSettings.builder()
				.endpoint(details.getEndpoint())
				.apiKey(apiKey);
			PropertyMapper map = PropertyMapper.get();
			// Connection details (an emulator, say) may name the ids; the properties fill in what they do not.
			map.from(either(details.getProjectId(), properties.getProjectId())).when(StringUtils::hasText)
				.to(builder::projectId);
			map.from(either(details.getRegionId(), properties.getRegionId())).when(StringUtils::hasText)
				.to(builder::regionId);
			map.from(either(details.getClusterId(), properties.getClusterId())).when(StringUtils::hasText)
				.to(builder::clusterId);
			map.from(properties::getConnectTimeout).to(builder::connectTimeout);
			map.from(properties::getResponseTimeout).to(builder::responseTimeout);
			map.from(properties::getRetry).as(ZillizCloudSettings::retry).to(builder::retry);
			map.from(properties::isAllowInsecureHttp).to(builder::allowInsecureHttp);
			return builder.build();
		});
	}

	static UploadSettings upload(ZillizCloudProperties properties) {
		ZillizCloudProperties.Upload upload = properties.getUpload();
		return mapped(properties, "upload.", () -> {
			UploadSettings.Builder builder = UploadSettings.builder();
			PropertyMapper map = PropertyMapper.get();
			map.from(upload::getConcurrency).to(builder::fileConcurrency);
			map.from(upload::getPartConcurrency).to(builder::partConcurrency);
			map.from(upload::getPartSize).as(DataSize::toBytes).to(builder::partSize);
			map.from(upload::getRetry).as(ZillizCloudSettings::retry).to(builder::retry);
			map.from(upload::getCredentialRefreshMargin).to(builder::credentialRefreshMargin);
			map.from(upload::getSkipPolicy).to(builder::skipPolicy);
			map.from(upload::getChecksum).to(builder::checksum);
			map.from(properties::getConnectType).to(builder::connectType);
			map.from(upload::getConnectTimeout).to(builder::connectTimeout);
			map.from(upload::getReadTimeout).to(builder::readTimeout);
			map.from(upload::getWriteTimeout).to(builder::writeTimeout);
			map.from(upload::getMaxConnections).to(builder::maxConnections);
			map.from(upload::getProgressInterval).to(builder::progressInterval);
			map.from(upload::isResumable).to(builder::resumable);
			map.from(upload::getCheckpointDirectory).to(builder::checkpointDirectory);
			return builder.build();
		});
	}

	private static @Nullable String either(@Nullable String preferred, @Nullable String fallback) {
		return (preferred != null) ? preferred : fallback;
	}

	private static RetrySettings retry(ZillizCloudProperties.Retry retry) {
		try {
			return new RetrySettings(retry.getMaxAttempts(), retry.getMinBackoff(), retry.getMaxBackoff(),
					retry.getJitter());
		}
		catch (InvalidSettingException ex) {
			throw ex.within("retry");
		}
	}

	/** Build settings, naming the property behind a value the client refuses. */
	private static <T> T mapped(ZillizCloudProperties properties, String group, Supplier<T> settings) {
		try {
			return settings.get();
		}
		catch (InvalidSettingException ex) {
			String setting = group + ex.setting();
			String path = RENAMED.getOrDefault(setting, setting);
			BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(properties);
			String beanPath = StringUtils.uncapitalize(toCamel(path));
			Object value = bean.isReadableProperty(beanPath) ? bean.getPropertyValue(beanPath) : ex.value();
			// A rule may name another setting that changes it; name its property instead.
			String rule = ex.rule().replace(ZillizCloudClientSettings.ALLOW_INSECURE_HTTP,
					"'" + PREFIX + "allow-insecure-http=true'");
			throw new InvalidConfigurationPropertyValueException(PREFIX + toKebab(path), value, rule);
		}
	}

	private static String toKebab(String path) {
		return path.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static String toCamel(String path) {
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : path.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

}
