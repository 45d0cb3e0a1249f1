package dev.stagekit.emulator.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stagekit.emulator.EmulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class EmulatorMainTests {

	@Test
	void parseWhenEveryOptionGivenShouldReachTheSettings() {
		EmulatorMain.Options options = EmulatorMain.Options.parse(new String[] { "--host", "127.0.0.1", "--port",
				"0", "--data-plane-http-port", "-1", "--api-key", "k1", "--cloud", "gcp", "--credential-lifetime",
				"90s", "--max-content-length", "2GB", "--max-file-number", "10", "--import-duration", "500ms",
				"--advertise-http", "--ready-file", "ready.json" });
		EmulatorSettings settings = options.settings.build();
		assertThat(settings.apiKey()).isEqualTo("k1");
		assertThat(settings.cloud()).isEqualTo("gcp");
		assertThat(settings.dataPlaneHttpPort()).isEqualTo(-1);
		assertThat(settings.credentialLifetime()).isEqualTo(Duration.ofSeconds(90));
		assertThat(settings.maxContentLength()).isEqualTo(2L << 30);
		assertThat(settings.maxFileNumber()).isEqualTo(10L);
		assertThat(settings.importDuration()).isEqualTo(Duration.ofMillis(500));
		assertThat(settings.advertisePlainHttp()).isTrue();
		assertThat(options.readyFile).isEqualTo(Path.of("ready.json"));
	}

	@Test
	void parseWhenFreeTierShouldUseItsLimits() {
		EmulatorSettings settings = EmulatorMain.Options.parse(new String[] { "--free-tier" }).settings.build();
		assertThat(settings.maxContentLength()).isEqualTo(EmulatorSettings.FREE_TIER_MAX_CONTENT_LENGTH);
		assertThat(settings.maxFileNumber()).isEqualTo(EmulatorSettings.FREE_TIER_MAX_FILE_NUMBER);
	}

	@Test
	void parseWhenOptionUnknownOrValueBadShouldNameIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatorMain.Options.parse(new String[] { "--nope" }))
			.withMessage("unknown option '--nope'");
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatorMain.Options.parse(new String[] { "--port" }))
			.withMessage("--port needs a value");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmulatorMain.Options.parse(new String[] { "--port", "70000" }))
			.withMessageContaining("--port '70000' is not a port number");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmulatorMain.Options.parse(new String[] { "--credential-lifetime", "soon" }))
			.withMessageContaining("--credential-lifetime 'soon' is not a duration");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmulatorMain.Options.parse(new String[] { "--max-content-length", "lots" }))
			.withMessageContaining("--max-content-length 'lots' is not a size");
	}

	@Test
	void mainWhenStartedAsProcessShouldPrintEndpointsWriteReadyFileAndAnswerHttp(@TempDir Path dir) {
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			Path readyFile = dir.resolve("ready.json");
			Path java = Path.of(System.getProperty("java.home"), "bin", "java");
			Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
					EmulatorMain.class.getName(), "--api-key", "cli-test-key", "--ready-file", readyFile.toString(),
					"--truststore", dir.resolve("trust.p12").toString())
				.redirectErrorStream(true)
				.start();
			try {
				List<String> lines = new ArrayList<>();
				try (BufferedReader out = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					for (String line = out.readLine(); line != null; line = out.readLine()) {
						lines.add(line);
						if (line.startsWith("Press Ctrl+C")) {
							break;
						}
					}
				}
				String printed = String.join("\n", lines);
				Matcher ready = Pattern.compile("ready in (\\d+) ms").matcher(printed);
				assertThat(ready.find()).as(printed).isTrue();
				assertThat(Long.parseLong(ready.group(1))).isLessThan(10_000);
				assertThat(printed).contains("api key         cli-test-key");

				JsonNode info = JsonMapper.builder().build().readTree(Files.readString(readyFile));
				assertThat(info.get("apiKey").asString()).isEqualTo("cli-test-key");
				assertThat(Path.of(info.get("trustStoreFile").asString())).exists();
				URI controlPlane = URI.create(info.get("controlPlaneUrl").asString());
				assertThat(printed).contains(controlPlane.toString());

				HttpResponse<String> response = HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(controlPlane.resolve("/_emulator/info")).build(),
							HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).contains(info.get("dataPlaneUrl").asString());
			}
			finally {
				process.destroy();
				assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
			}
		});
	}

}
