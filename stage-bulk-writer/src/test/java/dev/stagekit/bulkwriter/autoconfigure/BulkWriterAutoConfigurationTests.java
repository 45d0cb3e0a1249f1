package dev.stagekit.bulkwriter.autoconfigure;

import java.nio.file.Path;

import dev.stagekit.bulkwriter.BulkFileFormat;
import dev.stagekit.bulkwriter.BulkWriterSettings;
import dev.stagekit.bulkwriter.BulkWriters;
import dev.stagekit.bulkwriter.ParquetCompression;
import dev.stagekit.client.ApiKey;
import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.upload.FileManagers;
import org.apache.parquet.hadoop.ParquetWriter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class BulkWriterAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BulkWriterAutoConfiguration.class));

	@Test
	void createsWritersWithDefaultsOnTheFileManagers() {
		this.runner.withUserConfiguration(Clients.class).run((context) -> {
			assertThat(context).hasSingleBean(BulkWriters.class);
			BulkWriterSettings settings = context.getBean(BulkWriters.class).settings();
			assertThat(settings.format()).isEqualTo(BulkFileFormat.PARQUET);
			assertThat(settings.fileSize()).isEqualTo(BulkWriterSettings.DEFAULT_FILE_SIZE);
			assertThat(settings.localDirectory()).isEqualTo(BulkWriterSettings.DEFAULTS.localDirectory());
		});
	}

	@Test
	void propertiesSetTheDefaults() {
		this.runner.withUserConfiguration(Clients.class)
			.withPropertyValues("zilliz.cloud.bulk-writer.format=json", "zilliz.cloud.bulk-writer.file-size=64MB",
					"zilliz.cloud.bulk-writer.local-directory=/data/bulk", "zilliz.cloud.bulk-writer.compression=uncompressed",
					"zilliz.cloud.bulk-writer.keep-local-files=true")
			.run((context) -> {
				BulkWriterSettings settings = context.getBean(BulkWriters.class).settings();
				assertThat(settings.format()).isEqualTo(BulkFileFormat.JSON);
				assertThat(settings.fileSize()).isEqualTo(64L * 1024 * 1024);
				assertThat(settings.localDirectory()).isEqualTo(Path.of("/data/bulk"));
				assertThat(settings.compression()).isEqualTo(ParquetCompression.UNCOMPRESSED);
				assertThat(settings.keepLocalFiles()).isTrue();
			});
	}

	@Test
	void backsOffWithoutFileManagers() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(BulkWriters.class));
	}

	@Test
	void backsOffWithoutParquet() {
		this.runner.withUserConfiguration(Clients.class)
			.withClassLoader(new FilteredClassLoader(ParquetWriter.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BulkWriters.class));
	}

	@Test
	void canBeDisabled() {
		this.runner.withUserConfiguration(Clients.class)
			.withPropertyValues("zilliz.cloud.bulk-writer.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BulkWriters.class));
	}

	@Test
	void backsOffForAUserBean() {
		this.runner.withUserConfiguration(Clients.class, Custom.class)
			.run((context) -> assertThat(context.getBean(BulkWriters.class)).isSameAs(context.getBean(Custom.class).writers));
	}

	@Configuration(proxyBeanMethods = false)
	static class Clients {

		@Bean
		ZillizCloudClients clients() {
			return ZillizCloudClients.create(ZillizCloudClientSettings.builder().apiKey(ApiKey.of("k")).build());
		}

		@Bean(destroyMethod = "close")
		FileManagers fileManagers(ZillizCloudClients clients) {
			return FileManagers.builder(clients).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Custom {

		final BulkWriters writers;

		Custom(FileManagers files) {
			this.writers = new BulkWriters(files, null, BulkWriterSettings.DEFAULTS);
		}

		@Bean
		BulkWriters customWriters() {
			return this.writers;
		}

	}

}
