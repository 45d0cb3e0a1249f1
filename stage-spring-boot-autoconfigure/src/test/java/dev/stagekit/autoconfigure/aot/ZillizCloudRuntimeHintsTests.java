package dev.stagekit.autoconfigure.aot;

import dev.stagekit.autoconfigure.ZillizCloudProperties;
import dev.stagekit.client.upload.UploadProgress;
import dev.stagekit.client.upload.UploadResult;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ZillizCloudRuntimeHints}.
 */
class ZillizCloudRuntimeHintsTests {

	@Test
	void registerHintsShouldCoverPropertiesValuesAndCheckpoints() throws Exception {
		RuntimeHints hints = new RuntimeHints();
		new ZillizCloudRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onType(ZillizCloudProperties.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(ZillizCloudProperties.Upload.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ZillizCloudProperties.Upload.class,
				"setPartSize")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(UploadResult.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(UploadProgress.class.getMethod("percent")))
			.accepts(hints);
		for (String internal : ZillizCloudRuntimeHints.INTERNAL_JSON) {
			assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(internal))).accepts(hints);
			assertThat(Class.forName(internal)).isNotNull();
		}
	}

	@Test
	void aotFactoriesShouldRegisterTheHints() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).anyMatch(ZillizCloudRuntimeHints.class::isInstance);
	}

}
