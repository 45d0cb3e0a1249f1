package dev.stagekit.emulator.junit;

import dev.stagekit.emulator.EmulatorSettings;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class ZillizCloudEmulatorExtensionTests {

	@RegisterExtension
	static ZillizCloudEmulatorExtension zilliz = ZillizCloudEmulatorExtension
		.withSettings((settings) -> settings.freeTier().apiKey("extension-key"));

	@Test
	void parameterWhenRegisteredStaticallyShouldBeTheClassEmulatorWithItsSettings(ZillizCloudEmulator emulator) {
		assertThat(emulator).isSameAs(zilliz.emulator());
		assertThat(emulator.apiKey()).isEqualTo("extension-key");
		assertThat(emulator.settings().maxFileNumber()).isEqualTo(EmulatorSettings.FREE_TIER_MAX_FILE_NUMBER);
		assertThat(emulator.controlPlaneUrl().getHost()).isEqualTo("127.0.0.1");
	}

}
