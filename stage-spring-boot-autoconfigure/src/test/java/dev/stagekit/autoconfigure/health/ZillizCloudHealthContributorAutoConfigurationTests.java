package dev.stagekit.autoconfigure.health;

import java.time.Duration;

import dev.stagekit.autoconfigure.ZillizCloudAutoConfiguration;
import dev.stagekit.emulator.ControlPlaneFault;
import dev.stagekit.emulator.ZillizCloudEmulator;
import dev.stagekit.emulator.junit.ZillizCloudEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ZillizCloudHealthContributorAutoConfiguration}.
 */
class ZillizCloudHealthContributorAutoConfigurationTests {

	@RegisterExtension
	static final ZillizCloudEmulatorExtension zilliz = new ZillizCloudEmulatorExtension();

	private final ZillizCloudEmulator emulator = zilliz.emulator();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, ZillizCloudAutoConfiguration.class,
				ZillizCloudHealthContributorAutoConfiguration.class))
		.withPropertyValues("zilliz.cloud.retry.max-attempts=1");

	private ApplicationContextRunner withEmulator() {
		return this.contextRunner.withPropertyValues("zilliz.cloud.endpoint=" + emulator.controlPlaneUrl(),
				"zilliz.cloud.api-key=" + emulator.apiKey(), "zilliz.cloud.project-id=" + emulator.projectId());
	}

	@Test
	void healthWhenControlPlaneAnswersShouldBeUpWithoutTheKey() {
		withEmulator().run((context) -> {
			Health health = context.getBean(ZillizCloudHealthIndicator.class).health().block(Duration.ofSeconds(10));
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("endpoint", emulator.controlPlaneUrl().toString());
			assertThat(health.toString()).doesNotContain(emulator.apiKey());
		});
	}

	@Test
	void healthWhenControlPlaneFailsOrIsSlowShouldBeDown() {
		emulator.inject(ControlPlaneFault.httpStatus(503).on("GET /v2/volumes").times(1));
		try {
			withEmulator().run((context) -> assertThat(context.getBean(ZillizCloudHealthIndicator.class)
				.health()
				.block(Duration.ofSeconds(10))
				.getStatus()).isEqualTo(Status.DOWN));
		}
		finally {
			emulator.clearFaults();
		}
		emulator.inject(ControlPlaneFault.latency(Duration.ofSeconds(5)).on("GET /v2/volumes").times(1));
		try {
			withEmulator().run((context) -> {
				Health health = new ZillizCloudHealthIndicator(context.getBean(dev.stagekit.client.ZillizCloudClients.class),
						Duration.ofMillis(200)).health().block(Duration.ofSeconds(10));
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			});
		}
		finally {
			emulator.clearFaults();
		}
	}

	@Test
	void healthWhenNoProjectConfiguredShouldBeUnknown() {
		this.contextRunner.withPropertyValues("zilliz.cloud.api-key=key").run((context) -> assertThat(context
			.getBean(ZillizCloudHealthIndicator.class).health().block(Duration.ofSeconds(10)).getStatus())
			.isEqualTo(Status.UNKNOWN));
	}

	@Test
	void configureWhenIndicatorDisabledOrUserDefinedShouldBackOff() {
		withEmulator().withPropertyValues("management.health.zillizcloud.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ZillizCloudHealthIndicator.class));
		withEmulator().withBean("zillizcloudHealthIndicator", AbstractReactiveHealthIndicator.class,
				() -> new AbstractReactiveHealthIndicator() {

					@Override
					protected reactor.core.publisher.Mono<Health> doHealthCheck(Health.Builder builder) {
						return reactor.core.publisher.Mono.just(builder.up().build());
					}

				})
			.run((context) -> assertThat(context).doesNotHaveBean(ZillizCloudHealthIndicator.class));
		withEmulator().withClassLoader(new FilteredClassLoader(AbstractReactiveHealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ZillizCloudHealthIndicator.class));
	}

}
