package dev.stagekit.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's property table is generated from the configuration metadata the processor writes. Run with
 * {@code -Dstagekit.update-readme=true} to rewrite it after changing a property.
 */
class ReadmePropertyTableTests {

	private static final String START = "<!-- properties:start (generated from spring-configuration-metadata.json) -->";

	private static final String END = "<!-- properties:end -->";

	@Test
	void readmeWhenComparedWithMetadataShouldListEveryPropertyAsGenerated() throws IOException {
		Path readme = Path.of("..", "README.md");
		String text = Files.readString(readme, StandardCharsets.UTF_8);
		int start = text.indexOf(START);
		int end = text.indexOf(END);
		assertThat(start).as("README.md has the property table markers").isNotNegative();
		assertThat(end).isGreaterThan(start);
		String generated = START + "\n" + table() + END;
		String current = text.substring(start, end + END.length());
		if (Boolean.getBoolean("stagekit.update-readme")) {
			Files.writeString(readme, text.replace(current, generated), StandardCharsets.UTF_8);
			return;
		}
		assertThat(current).as("README.md property table; regenerate with -Dstagekit.update-readme=true")
			.isEqualTo(generated);
	}

	private static String table() throws IOException {
		JsonNode metadata;
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		StringBuilder table = new StringBuilder("| Property | Description | Default |\n|---|---|---|\n");
		for (JsonNode property : metadata.get("properties")) {
			String description = property.path("description").asString("").replace("|", "\\|").replace("\n", " ");
			JsonNode defaultValue = property.get("defaultValue");
			String value = (defaultValue == null || defaultValue.isNull()) ? "" : "`" + defaultValue.asString() + "`";
			table.append("| `")
				.append(property.get("name").asString())
				.append("` | ")
				.append(description)
				.append(" | ")
				.append(value)
				.append(" |\n");
		}
		return table.toString();
	}

}
