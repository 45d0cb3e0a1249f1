package dev.stagekit.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata the processor generates: every property documented, enumerated values hinted.
 */
class ConfigurationMetadataTests {

	@Test
	void metadataWhenGeneratedShouldDescribeEveryPropertyAndHintEnumeratedValues() throws IOException {
		JsonNode metadata;
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		List<String> undocumented = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			names.add(property.get("name").asString());
			if (!property.has("description") || property.get("description").asString().isBlank()) {
				undocumented.add(property.get("name").asString());
			}
		}
		assertThat(undocumented).isEmpty();
		assertThat(names).contains("zilliz.cloud.endpoint", "zilliz.cloud.api-key", "zilliz.cloud.upload.part-size",
				"zilliz.cloud.volume.name", "zilliz.cloud.stage.name", "zilliz.cloud.enabled");
		List<String> hinted = new ArrayList<>();
		metadata.get("hints").forEach((hint) -> hinted.add(hint.get("name").asString()));
		assertThat(hinted).contains("zilliz.cloud.connect-type", "zilliz.cloud.upload.skip-policy",
				"zilliz.cloud.upload.checksum");
	}

}
