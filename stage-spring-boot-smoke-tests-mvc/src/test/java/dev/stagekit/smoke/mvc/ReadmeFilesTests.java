package dev.stagekit.smoke.mvc;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.stagekit.client.control.VolumeManager;
import dev.stagekit.emulator.StoredObject;
import dev.stagekit.emulator.ZillizCloudEmulator;
import dev.stagekit.readme.mvc.FilesController;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's {@link FilesController}, as README prints it ({@code ReadmeSnippetsTests} compares the two), called
 * over HTTP as a browser form or {@code curl -F} would: the multipart file is streamed into the volume by the
 * blocking file manager from Tomcat's request thread, and what was uploaded can be imported.
 */
@MvcSmokeTest
class ReadmeFilesTests {

	private static final long MIB = 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	ZillizCloudEmulator emulator;

	@Autowired
	VolumeManager volumes;

	@Autowired
	JsonMapper json;

	Http http;

	String prefix;

	@BeforeEach
	void prepare() {
		this.http = new Http(this.port);
		this.prefix = SmokeVolume.prefix(this.volumes, this.emulator);
	}

	@Test
	void multipartFileShouldBeStreamedIntoTheVolumeInParts() {
		long size = 12 * MIB + 12_345;    // three parts of the default 5 MiB
		long parts = this.emulator.requestCount("s3:UploadPart");
		long completes = this.emulator.requestCount("s3:CompleteMultipartUpload");
		HttpResponse<String> response = this.http.postFile("/files", Map.of("path", "uploads/big.bin"), "big.bin",
				() -> new GeneratedContent(42, size), size);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode result = this.json.readTree(response.body());
		assertThat(result.at("/location/name").asString()).isEqualTo(MvcSmokeTest.VOLUME);
		assertThat(result.at("/objects/0/path").asString()).isEqualTo("uploads/big.bin");
		assertThat(result.at("/objects/0/size").asLong()).isEqualTo(size);
		assertThat(result.at("/uploadedBytes").asLong()).isEqualTo(size);
		String key = this.prefix + "uploads/big.bin";
		assertThat(result.at("/objects/0/key").asString()).isEqualTo(key);
		assertThat(this.emulator.object(key)).map(StoredObject::size).contains(size);
		assertThat(this.emulator.sha256(key)).isEqualTo(GeneratedContent.sha256(42, size));
		assertThat(this.emulator.requestCount("s3:UploadPart") - parts).isEqualTo(3);
		assertThat(this.emulator.requestCount("s3:CompleteMultipartUpload") - completes).isEqualTo(1);
	}

	@Test
	void uploadedRowsShouldBeImportedFromARequestThread() {
		this.emulator.createCollection("{\"collectionName\": \"docs\", \"dimension\": 2}");
		byte[] rows = "{\"rows\": [{\"id\": 1, \"vector\": [0.1, 0.2]}, {\"id\": 2, \"vector\": [0.3, 0.4]}]}"
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> uploaded = this.http.postFile("/files", Map.of("path", "imports/rows.json"),
				"rows.json", () -> new ByteArrayInputStream(rows), rows.length);
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
		HttpResponse<String> imported = this.http.post("/imports",
				Map.of("path", "imports/rows.json", "collection", "docs"));
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		JsonNode progress = this.json.readTree(imported.body());
		assertThat(progress.at("/state").asString()).isEqualTo("Completed");
		assertThat(progress.at("/totalRows").asLong()).isEqualTo(2);
		assertThat(this.emulator.collectionRowCount("docs")).isEqualTo(2);
	}

	@Test
	void targetPathEscapingTheVolumeShouldBeRefusedAndNothingStored() {
		long puts = this.emulator.requestCount("s3:PutObject");
		long multiparts = this.emulator.requestCount("s3:CreateMultipartUpload");
		HttpResponse<String> response = this.http.postFile("/files", Map.of("path", "../escape/x.bin"), "x.bin",
				() -> new GeneratedContent(7, 1024), 1024);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.at("/detail").asString()).contains("target path", "'../escape'", "'..'");
		assertThat(this.emulator.listObjects("")).extracting(StoredObject::key).noneMatch((key) -> key.contains("escape"));
		assertThat(this.emulator.requestCount("s3:PutObject")).isEqualTo(puts);
		assertThat(this.emulator.requestCount("s3:CreateMultipartUpload")).isEqualTo(multiparts);
	}

}
