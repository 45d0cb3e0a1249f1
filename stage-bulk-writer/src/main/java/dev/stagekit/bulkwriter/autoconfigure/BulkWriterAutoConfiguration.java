package dev.stagekit.bulkwriter.autoconfigure;

import dev.stagekit.bulkwriter.BulkWriters;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.upload.FileManagers;
import org.apache.parquet.hadoop.ParquetWriter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of {@link BulkWriters} on the application's {@link FileManagers}, with defaults from
 * {@code zilliz.cloud.bulk-writer.*}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "dev.stagekit.autoconfigure.ZillizCloudAutoConfiguration")
@ConditionalOnClass({ ParquetWriter.class, BulkWriters.class, FileManagers.class })
@ConditionalOnBean(FileManagers.class)
@ConditionalOnBooleanProperty(name = "zilliz.cloud.bulk-writer.enabled", matchIfMissing = true)
@EnableConfigurationProperties(BulkWriterProperties.class)
public final class BulkWriterAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BulkWriters zillizCloudBulkWriters(FileManagers fileManagers, ObjectProvider<ZillizCloudClients> clients,
			BulkWriterProperties properties) {
		return new BulkWriters(fileManagers, clients.getIfAvailable(), properties.toSettings());
	}

}
