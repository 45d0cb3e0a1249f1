package dev.stagekit.smoke;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.control.VolumeManager;
import dev.stagekit.client.upload.UploadResult;
import dev.stagekit.client.upload.VolumeFileManager;
import dev.stagekit.emulator.ZillizCloudEmulator;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
 * The starter in a WebFlux application with Actuator, configured only by properties: Boot's own observation,
 * metrics and health auto-configurations decide what exists, not beans handed in by a test.
 */
@SpringBootTest(classes = SmokeApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoint.health.show-details=always", "zilliz.cloud.volume.name=smoke_volume" })
@AutoConfigureWebTestClient
@Import(TestZillizCloud.class)
class ActuatorApplicationTests {

	@Autowired
	ZillizCloudEmulator emulator;

	@TempDir
	static Path temp;

	@Autowired
	VolumeManager volumes;

	@Autowired
	VolumeFileManager files;

	@Autowired
	MeterRegistry meters;

	@Autowired
	WebTestClient http;

	@Test
	void uploadShouldBeObservedThroughBootsObservationRegistry() throws IOException {
		upload("observed/");
		Timer uploads = this.meters.find("zilliz.cloud.upload").timer();
		assertThat(uploads).as("zilliz.cloud.upload timer from Boot's observation auto-configuration").isNotNull();
		assertThat(uploads.count()).isPositive();
	}

	@Test
	void storageRequestsShouldBeMeasured() throws IOException {
		upload("measured/");
		Timer puts = this.meters.find("zilliz.cloud.storage.requests").tag("operation", "PutObject").timer();
		assertThat(puts).as("per-request storage timer").isNotNull();
		assertThat(puts.count()).isGreaterThanOrEqualTo(2);
		assertThat(puts.getId().getTag("outcome")).isEqualTo("SUCCESS");
		assertThat(this.meters.find("zilliz.cloud.storage.request.bytes").tag("operation", "PutObject").summary())
			.satisfies((bytes) -> assertThat(bytes.totalAmount()).isEqualTo(2 * 1024));
	}

	@Test
	void controlPlaneCallsShouldBeGroupedByUriTemplate() throws IOException {
		this.volumes.listAll();
		upload("grouped/");
		List<String> uris = this.meters.find("http.client.requests")
			.meters()
			.stream()
			.map(Meter::getId)
			.map((id) -> id.getTag("uri"))
			.toList();
		assertThat(uris).contains("/v2/volumes", "/v2/volumes/apply").doesNotContain("none");
	}

	@Test
	void healthShouldReportTheZillizcloudComponent() {
		this.http.get()
			.uri("/actuator/health/zillizcloud")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	private void upload(String target) throws IOException {
		if (this.volumes.listAll().stream().noneMatch((volume) -> volume.volumeName().equals("smoke_volume"))) {
			this.volumes.create(CreateVolumeRequest.builder("smoke_volume").build());
		}
		Path source = Files.createDirectories(temp.resolve(target));
		Files.write(source.resolve("a.json"), new byte[1024]);
		Files.write(source.resolve("b.json"), new byte[1024]);
		UploadResult result = this.files.upload(source, target);
		assertThat(result.objects()).hasSize(2);
	}

}
