package dev.stagekit.smoke.mvc;

import java.time.Duration;

import dev.stagekit.emulator.ZillizCloudEmulator;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What README's testing section tells a user to write: the emulator as a bean, which the test starter turns
 * into the application's connection details and object-store trust.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestZillizCloud {

	@Bean
	ZillizCloudEmulator zillizCloudEmulator() {
		return ZillizCloudEmulator.builder().importDuration(Duration.ofMillis(300)).start();
	}

}
