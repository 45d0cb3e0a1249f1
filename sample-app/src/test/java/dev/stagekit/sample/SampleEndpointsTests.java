package dev.stagekit.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.control.VolumeManager;
import dev.stagekit.client.upload.UploadProgress;
import dev.stagekit.client.upload.UploadResult;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's HTTP endpoints ({@code serve}) against the emulator, including the README's curl examples
 * as written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sample.mode=serve")
@AutoConfigureWebTestClient(timeout = "PT60S")
class SampleEndpointsTests {

	private static final ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().start();

	@TempDir
	static Path temp;

	@Autowired
	WebTestClient web;

	@Autowired
	VolumeManager volumes;

	@DynamicPropertySource
	static void zillizCloud(DynamicPropertyRegistry registry) {
		for (String argument : EmbeddedEmulator.arguments(emulator)) {
			String[] pair = argument.substring(2).split("=", 2);
			registry.add(pair[0], () -> pair[1]);
		}
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@Test
	void postFileWhenMultipartShouldStreamItIntoTheVolume() {
		this.volumes.create(CreateVolumeRequest.builder("web_volume").build());
		byte[] content = "{\"rows\": [{\"id\": 1}]}".repeat(400_000).getBytes(StandardCharsets.UTF_8);
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(content) {

			@Override
			public String getFilename() {
				return "rows.json";
			}

		}).contentType(MediaType.APPLICATION_JSON);
		UploadResult result = this.web.post()
			.uri("/volumes/web_volume/files?path=incoming")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(UploadResult.class)
			.returnResult()
			.getResponseBody();
		String key = emulator.volumePrefix("web_volume").orElseThrow() + "incoming/rows.json";
		assertThat(result.objects()).singleElement().satisfies((object) -> assertThat(object.key()).isEqualTo(key));
		assertThat(emulator.object(key)).get().satisfies((object) -> assertThat(object.size()).isEqualTo(content.length));
		assertThat(emulator.requestCount("s3:UploadPart")).isGreaterThan(1);
		this.web.get().uri("/volumes").exchange().expectStatus().isOk().expectBody(String.class)
			.value((json) -> assertThat(json).contains("web_volume"));
	}

	@Test
	void progressWhenDirectoryUploadStartedShouldStreamEventsToTheResult() throws Exception {
		this.volumes.create(CreateVolumeRequest.builder("sse_volume").build());
		Path source = Files.createDirectories(temp.resolve("sse"));
		Files.writeString(source.resolve("a.json"), "{\"rows\": []}");
		Files.writeString(source.resolve("b.csv"), "id\n1\n");
		String id = this.web.post()
			.uri("/volumes/sse_volume/uploads")
			.bodyValue(new SampleController.DirectoryUpload(source.toString(), "sse/"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<java.util.Map<String, String>>() {
			})
			.returnResult()
			.getResponseBody()
			.get("id");
		List<UploadProgress> events = this.web.get()
			.uri("/uploads/" + id + "/progress")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(UploadProgress.class)
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(events).isNotEmpty();
		assertThat(events.get(events.size() - 1).result()).isNotNull();
		assertThat(events.get(events.size() - 1).result().objects()).hasSize(2);
		this.web.get().uri("/uploads/unknown/progress").exchange().expectStatus().isNotFound();
	}

	/** The README's curl lines, in order, against the volume {@code serve} creates at startup. */
	@Test
	void readmeExamplesWhenServingShouldWorkAgainstTheVolumeCreatedAtStartup() throws Exception {
		// curl -F file=@rows.json 'http://localhost:8080/volumes/my_volume/files?path=incoming'
		byte[] rows = "{\"rows\": [{\"id\": 1}]}\n".getBytes(StandardCharsets.UTF_8);
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(rows) {

			@Override
			public String getFilename() {
				return "rows.json";
			}

		});
		this.web.post()
			.uri("/volumes/my_volume/files?path=incoming")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectStatus()
			.isOk();
		String prefix = emulator.volumePrefix("my_volume").orElseThrow();
		assertThat(emulator.object(prefix + "incoming/rows.json")).get()
			.satisfies((object) -> assertThat(object.size()).isEqualTo(rows.length));

		// curl -H 'Content-Type: application/json' -d '{"source":"...","target":"batch/"}' .../volumes/my_volume/uploads
		Path source = Files.createDirectories(temp.resolve("batch"));
		Files.writeString(source.resolve("rows-1.json"), "{\"rows\": []}");
		Files.writeString(source.resolve("rows-2.csv"), "id\n1\n");
		Map<String, String> started = this.web.post()
			.uri("/volumes/my_volume/uploads")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"source\":\"" + source + "\",\"target\":\"batch/\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, String>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(started.get("progress")).isEqualTo("/uploads/" + started.get("id") + "/progress");

		// curl -N http://localhost:8080/uploads/<id>/progress
		List<ServerSentEvent<UploadProgress>> events = this.web.get()
			.uri(started.get("progress"))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<UploadProgress>>() {
			})
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(events).isNotEmpty().allSatisfy((event) -> assertThat(event.event()).isEqualTo("progress"));
		assertThat(events.get(events.size() - 1).data().result().objects()).hasSize(2);
		assertThat(emulator.object(prefix + "batch/rows-2.csv")).isPresent();

		// curl http://localhost:8080/volumes; curl http://localhost:8080/stages
		this.web.get().uri("/volumes").exchange().expectStatus().isOk().expectBody(String.class)
			.value((json) -> assertThat(json).contains("\"my_volume\""));
		this.web.get().uri("/stages").exchange().expectStatus().isOk();
	}

	@Test
	void progressWhenUploadFailsShouldEndWithAnErrorEventThatSaysWhy() throws Exception {
		Path source = Files.createDirectories(temp.resolve("doomed"));
		Files.writeString(source.resolve("a.json"), "{\"rows\": []}");
		String progress = this.web.post()
			.uri("/volumes/no_such_volume/uploads")
			.bodyValue(new SampleController.DirectoryUpload(source.toString(), "x/"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, String>>() {
			})
			.returnResult()
			.getResponseBody()
			.get("progress");
		List<ServerSentEvent<Map<String, Object>>> events = this.web.get()
			.uri(progress)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(events).isNotEmpty();
		ServerSentEvent<Map<String, Object>> last = events.get(events.size() - 1);
		assertThat(last.event()).isEqualTo("error");
		assertThat(last.data()).containsOnlyKeys("message");
		assertThat((String) last.data().get("message")).contains("no_such_volume")
			.doesNotContain("\tat ")
			.doesNotContain(emulator.apiKey());
	}

	@Test
	void postFileWhenVolumeIsMissingShouldAnswerBadGatewayWithTheServicesMessage() {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(new byte[] { 1, 2, 3 }) {

			@Override
			public String getFilename() {
				return "rows.json";
			}

		});
		this.web.post()
			.uri("/volumes/no_such_volume/files")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("no_such_volume").doesNotContain("\tat "));
	}

	@Test
	void startUploadWhenSourceIsNotADirectoryShouldAnswerBadRequest() {
		this.web.post()
			.uri("/volumes/my_volume/uploads")
			.bodyValue(new SampleController.DirectoryUpload("/nonexistent/batch", "batch/"))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

}
