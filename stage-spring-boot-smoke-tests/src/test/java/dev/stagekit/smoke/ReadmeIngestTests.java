package dev.stagekit.smoke;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.control.VolumeManager;
import dev.stagekit.emulator.ZillizCloudEmulator;
import dev.stagekit.readme.Ingest;
import dev.stagekit.readme.IngestController;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's {@code Ingest} service, as README prints it ({@code ReadmeSnippetsTests} compares the two), called
 * from a WebFlux handler of a running application: it uploads, imports and follows the job without blocking an
 * event-loop thread.
 */
@SpringBootTest(classes = { SmokeApplication.class, Ingest.class, IngestController.class }, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "zilliz.cloud.volume.name=ingest_volume")
@AutoConfigureWebTestClient
@Import(TestZillizCloud.class)
class ReadmeIngestTests {

	@Autowired
	ZillizCloudEmulator emulator;

	@TempDir
	static Path temp;

	@Autowired
	WebTestClient http;

	@Autowired
	VolumeManager volumes;

	@Test
	void ingestFromAWebFluxHandlerShouldUploadAndImportWithoutBlocking() throws IOException {
		this.emulator.createCollection("{\"collectionName\": \"docs\", \"dimension\": 2}");
		this.volumes.create(CreateVolumeRequest.builder("ingest_volume").build());
		Path rows = Files.createDirectories(temp.resolve("rows"));
		Files.writeString(rows.resolve("rows.json"),
				"{\"rows\": [{\"id\": 1, \"vector\": [0.1, 0.2]}, {\"id\": 2, \"vector\": [0.3, 0.4]}]}");
		this.http.post()
			.uri((uri) -> uri.path("/ingest").queryParam("directory", rows).queryParam("collection", "docs").build())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("Completed");
		assertThat(this.emulator.collectionRowCount("docs")).isEqualTo(2);
		assertThat(this.emulator.object(this.emulator.volumePrefix("ingest_volume").orElseThrow() + "batch-42/rows.json"))
			.isPresent();
	}

}
