package dev.stagekit.client.upload.internal;

import dev.stagekit.client.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TargetPathsTests {

	@ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"\"\"|\"\"", "/|\"\"", ".|\"\"", "data|data/", "data/|data/", "/data/|data/", "a//b|a/b/", "./a|a/",
			"a\\b|a/b/", "a/./b/|a/b/" })
	void normalizeWhenValidShouldFollowV2JavaRules(String input, String expected) {
		assertThat(TargetPaths.normalize(input)).isEqualTo(expected);
	}

	@Test
	void normalizeWhenNullShouldReturnRoot() {
		assertThat(TargetPaths.normalize(null)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "a/../b", "../x", "..", "a\\..\\b" })
	void normalizeWhenDotDotSegmentShouldThrow(String input) {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> TargetPaths.normalize(input))
			.withMessageContaining("target path '" + input + "'")
			.withMessageContaining("must not escape the stage or volume root");
	}

}
