package dev.stagekit.smoke.mvc;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.stagekit.client.control.VolumeManager;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring MVC counterpart of the WebFlux module's {@code ActuatorApplicationTests}, read where an operator
 * reads it, over HTTP from Actuator: health, the upload observation, the object-store metrics and the
 * control-plane client metrics come from Boot's own auto-configurations in a servlet application.
 */
@MvcSmokeTest
class ActuatorMvcApplicationTests {

	@LocalServerPort
	int port;

	@Autowired
	ZillizCloudEmulator emulator;

	@Autowired
	VolumeManager volumes;

	@Autowired
	JsonMapper json;

	Http http;

	@BeforeEach
	void prepare() {
		this.http = new Http(this.port);
		SmokeVolume.prefix(this.volumes, this.emulator);
	}

	@Test
	void healthShouldReportTheZillizcloudComponent() {
		HttpResponse<String> response = this.http.get("/actuator/health/zillizcloud");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(this.json.readTree(response.body()).at("/status").asString()).isEqualTo("UP");
		HttpResponse<String> all = this.http.get("/actuator/health");
		assertThat(this.json.readTree(all.body()).at("/components/zillizcloud/status").asString()).isEqualTo("UP");
	}

	@Test
	void uploadShouldBeObservedThroughBootsObservationRegistry() {
		double before = statistic("zilliz.cloud.upload", "", "COUNT");
		upload("observed/a.json", 1024);
		assertThat(statistic("zilliz.cloud.upload", "", "COUNT")).isEqualTo(before + 1);
	}

	@Test
	void storageRequestsShouldBeMeasured() {
		String putObject = "?tag=operation:PutObject";
		double requests = statistic("zilliz.cloud.storage.requests", putObject, "COUNT");
		double bytes = statistic("zilliz.cloud.storage.request.bytes", putObject, "TOTAL");
		upload("measured/a.json", 1024);
		upload("measured/b.json", 1024);
		assertThat(statistic("zilliz.cloud.storage.requests", putObject, "COUNT")).isEqualTo(requests + 2);
		assertThat(statistic("zilliz.cloud.storage.request.bytes", putObject, "TOTAL")).isEqualTo(bytes + 2 * 1024);
		assertThat(tagValues("zilliz.cloud.storage.requests", "outcome")).contains("SUCCESS");
	}

	@Test
	void controlPlaneCallsShouldBeGroupedByUriTemplate() {
		this.volumes.listAll();
		upload("grouped/a.json", 1024);
		assertThat(tagValues("http.client.requests", "uri")).contains("/v2/volumes", "/v2/volumes/apply")
			.doesNotContain("none");
	}

	private void upload(String path, int size) {
		HttpResponse<String> response = this.http.postFile("/files", Map.of("path", path), "file.json",
				() -> new GeneratedContent(size, size), size);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	/** A statistic of {@code /actuator/metrics/{name}}; 0 while the meter does not exist yet. */
	private double statistic(String name, String query, String statistic) {
		HttpResponse<String> response = this.http.get("/actuator/metrics/" + name + query);
		if (response.statusCode() == 404) {
			return 0;
		}
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		for (JsonNode measurement : this.json.readTree(response.body()).path("measurements")) {
			if (measurement.path("statistic").asString().equals(statistic)) {
				return measurement.path("value").asDouble();
			}
		}
		throw new AssertionError("No " + statistic + " in " + response.body());
	}

	private List<String> tagValues(String name, String tag) {
		HttpResponse<String> response = this.http.get("/actuator/metrics/" + name);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> values = new ArrayList<>();
		for (JsonNode available : this.json.readTree(response.body()).path("availableTags")) {
			if (available.path("tag").asString().equals(tag)) {
				available.path("values").forEach((value) -> values.add(value.asString()));
			}
		}
		return values;
	}

}
