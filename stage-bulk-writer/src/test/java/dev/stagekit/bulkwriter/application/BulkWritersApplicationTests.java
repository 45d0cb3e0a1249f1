package dev.stagekit.bulkwriter.application;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import dev.stagekit.bulkwriter.BulkWriters;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.control.VolumeManager;
import dev.stagekit.client.job.ImportJobProgress;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk writer on a real application class path: the starter, this module beside it, and the test starter
 * turning one {@link ZillizCloudEmulator} bean into the application's Zilliz Cloud. The README's
 * {@link ArticleImporter} gets the auto-configured {@link BulkWriters}, writes rows and imports them.
 */
@SpringBootTest(classes = BulkWritersApplicationTests.App.class,
		properties = { "zilliz.cloud.project-id=proj-emulator", "zilliz.cloud.region-id=aws-us-west-2",
				"zilliz.cloud.cluster-id=in01-emulator", "zilliz.cloud.bulk-writer.file-size=512KB" })
@Import(BulkWritersApplicationTests.TestZillizCloud.class)
class BulkWritersApplicationTests {

	@Autowired
	ZillizCloudEmulator emulator;

	@Autowired
	VolumeManager volumes;

	@Autowired
	BulkWriters bulkWriters;

	@Autowired
	ArticleImporter importer;

	@Test
	void theReadmeServiceWritesRowsAndImportsThemIntoTheCollection() {
		this.volumes.create(CreateVolumeRequest.builder("my_volume").build());
		this.emulator.createCollection("""
				{"collectionName": "articles", "schema": {"autoID": false, "fields": [
				  {"fieldName": "id", "dataType": "Int64", "isPrimary": true},
				  {"fieldName": "title", "dataType": "VarChar", "elementTypeParams": {"max_length": 512}},
				  {"fieldName": "embedding", "dataType": "FloatVector", "elementTypeParams": {"dim": 768}}]}}
				""");
		SplittableRandom random = new SplittableRandom(3);
		List<ArticleImporter.Article> articles = new ArrayList<>();
		for (long id = 1; id <= 500; id++) {
			float[] embedding = new float[768];
			IntStream.range(0, embedding.length).forEach((i) -> embedding[i] = (float) random.nextDouble(-1, 1));
			articles.add(new ArticleImporter.Article(id, "article " + id, embedding));
		}
		this.emulator.resetRequestCounts();
		ImportJobProgress done = this.importer.importAll(articles);
		assertThat(this.bulkWriters.settings().fileSize()).isEqualTo(512 * 1024);
		assertThat(done.isCompleted()).isTrue();
		assertThat(done.totalRows()).isEqualTo(500);
		assertThat(done.details()).hasSizeGreaterThan(1);
		assertThat(this.emulator.collectionRowCount("articles")).isEqualTo(500);
		// Several files, one credentials session.
		assertThat(this.emulator.requestCount("POST /v2/volumes/apply")).isEqualTo(1);
		assertThat(this.emulator.requestCount("POST /v2/vectordb/jobs/import/create")).isEqualTo(1);
	}

	/** What a user writes once in the test sources. */
	@TestConfiguration(proxyBeanMethods = false)
	static class TestZillizCloud {

		@Bean
		ZillizCloudEmulator zillizCloudEmulator() {
			return ZillizCloudEmulator.builder().start();
		}

	}

	@SpringBootApplication
	static class App {

	}

}
