package dev.stagekit.bulkwriter.application;

// README's bulk writer example, line for line: ReadmeSnippetsTests (stage-spring-boot-smoke-tests) compares it
// with README and compiles README's copy; BulkWritersApplicationTests runs it in an application.
// README:start article-importer
import java.time.Duration;
import java.util.List;

import dev.stagekit.bulkwriter.BulkWriter;
import dev.stagekit.bulkwriter.BulkWriters;
import dev.stagekit.bulkwriter.CollectionSchema;
import dev.stagekit.bulkwriter.DataType;
import dev.stagekit.client.StorageLocation;
import dev.stagekit.client.job.ImportJobProgress;

import org.springframework.stereotype.Service;

@Service
class ArticleImporter {

	private final BulkWriters bulkWriters;   // auto-configured when stage-bulk-writer is beside the starter

	ArticleImporter(BulkWriters bulkWriters) {
		this.bulkWriters = bulkWriters;
	}

	ImportJobProgress importAll(List<Article> articles) {
		CollectionSchema schema = CollectionSchema.builder()    // or read it from the collection: CollectionSchemaFetcher
			.field("id", DataType.INT64, (f) -> f.primaryKey(false))
			.field("title", DataType.VARCHAR, (f) -> f.maxLength(512))
			.field("embedding", DataType.FLOAT_VECTOR, (f) -> f.dimension(768))
			.build();
		try (BulkWriter writer = bulkWriters.writer(schema, StorageLocation.volume("my_volume", "articles"))) {
			articles.forEach(writer::append);                      // each row checked against the schema first
			return writer.commitAndImport("articles", Duration.ofSeconds(1));  // or commit() -> BulkWriteResult,
		}                                                                      // result.importRequest("articles")
	}

	record Article(long id, String title, float[] embedding) {
	}

}
// README:end article-importer
