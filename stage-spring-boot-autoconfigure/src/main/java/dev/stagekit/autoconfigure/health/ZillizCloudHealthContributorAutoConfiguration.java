package dev.stagekit.autoconfigure.health;

import dev.stagekit.autoconfigure.ZillizCloudAutoConfiguration;
import dev.stagekit.client.ZillizCloudClients;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the Zilliz
 * Cloud health indicator ({@code management.health.zillizcloud.enabled}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ZillizCloudAutoConfiguration.class)
@ConditionalOnClass({ AbstractReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(ZillizCloudClients.class)
@ConditionalOnEnabledHealthIndicator("zillizcloud")
public final class ZillizCloudHealthContributorAutoConfiguration {

	/** The bean's name makes the component's: {@code /actuator/health/zillizcloud}, as its property. */
	@Bean("zillizcloudHealthIndicator")
	@ConditionalOnMissingBean(name = "zillizcloudHealthIndicator")
	ZillizCloudHealthIndicator zillizCloudHealthIndicator(ZillizCloudClients clients) {
		return new ZillizCloudHealthIndicator(clients, ZillizCloudHealthIndicator.DEFAULT_TIMEOUT);
	}

}
