package dev.stagekit.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.stagekit.client.upload.SkipPolicy;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
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

	@Test
	void metadataWhenDefaultsStatedShouldMatchTheClientDefaults() throws IOException {
		JsonNode metadata;
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		BeanWrapper defaults = PropertyAccessorFactory.forBeanPropertyAccess(new ZillizCloudProperties());
		List<String> checked = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			JsonNode value = property.get("defaultValue");
			if (value == null || value.isNull()) {
				continue;
			}
			String name = property.get("name").asString();
			if (!name.startsWith("zilliz.cloud.")) {
				continue; // management.health.zillizcloud.enabled belongs to Boot's health properties
			}
			ZillizCloudProperties bound = new Binder(new MapConfigurationPropertySource(Map.of(name, value.asString())))
				.bind("zilliz.cloud", ZillizCloudProperties.class)
				.get();
			String path = camel(name.substring("zilliz.cloud.".length()));
			assertThat(PropertyAccessorFactory.forBeanPropertyAccess(bound).getPropertyValue(path)).as(name)
				.isEqualTo(defaults.getPropertyValue(path));
			checked.add(name);
		}
		assertThat(checked).contains("zilliz.cloud.retry.max-attempts", "zilliz.cloud.upload.retry.max-attempts",
				"zilliz.cloud.upload.read-timeout", "zilliz.cloud.endpoint");
	}

	private static String camel(String kebab) {
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : kebab.toCharArray()) {
			if (c == '-') {
				upper = true;
				continue;
			}
			camel.append(upper ? Character.toUpperCase(c) : c);
			upper = false;
		}
		return camel.toString();
	}

	@Test
	void skipPolicyHintsShouldNameEveryPolicy() throws IOException {
		JsonNode metadata;
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		List<String> values = new ArrayList<>();
		metadata.get("hints").forEach((hint) -> {
			if (hint.get("name").asString().equals("zilliz.cloud.upload.skip-policy")) {
				hint.get("values").forEach((value) -> values.add(value.get("value").asString()));
			}
		});
		assertThat(values).containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(SkipPolicy.values())
			.map((policy) -> policy.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
			.toList());
	}

}
