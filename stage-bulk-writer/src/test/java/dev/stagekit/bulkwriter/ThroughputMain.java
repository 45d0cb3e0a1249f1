package dev.stagekit.bulkwriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.SplittableRandom;

import dev.stagekit.bulkwriter.internal.ParquetFormatWriter;
import dev.stagekit.bulkwriter.internal.PlainCodecs;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * A rough local measurement (not a test): rows per second writing INT64 + VARCHAR + 768-dim float vector
 * rows through the bulk writer's checks and Parquet writer, against parquet-java fed the same rows
 * directly (the ceiling). Arguments: rows, directory, codec.
 */
public final class ThroughputMain {

	private ThroughputMain() {
	}

	public static void main(String[] args) throws Exception {
		int rows = Integer.parseInt(args[0]);
		Path dir = Path.of(args[1]);
		CompressionCodecName codec = CompressionCodecName.valueOf(args[2]);
		CollectionSchema schema = TestRows.articles(768);
		TestRows.Article[] data = new TestRows.Article[1000];
		SplittableRandom random = new SplittableRandom(1);
		for (int i = 0; i < data.length; i++) {
			float[] vector = new float[768];
			for (int j = 0; j < vector.length; j++) {
				vector[j] = (float) random.nextDouble(-1, 1);
			}
			data[i] = new TestRows.Article(i, "article title number " + i, vector);
		}
		for (int round = 0; round < 3; round++) {
			long direct = direct(dir.resolve("direct.parquet"), schema, data, rows, codec);
			long ours = ours(dir.resolve("ours.parquet"), schema, data, rows, codec);
			long bytes = Files.size(dir.resolve("ours.parquet"));
			System.out.printf("round %d: direct %.0f rows/s, bulk writer %.0f rows/s (%.2fx), %.1f MiB/s%n", round,
					rows * 1e9 / direct, rows * 1e9 / ours, (double) direct / ours, bytes / 1048576.0 * 1e9 / ours);
		}
	}

	static long ours(Path file, CollectionSchema schema, TestRows.Article[] data, int rows, CompressionCodecName codec)
			throws IOException {
		dev.stagekit.bulkwriter.internal.RowValidator validator = new dev.stagekit.bulkwriter.internal.RowValidator(
				schema);
		long start = System.nanoTime();
		try (ParquetFormatWriter writer = new ParquetFormatWriter(file, schema.writtenFields(), false, 32 << 20,
				codec)) {
			for (int i = 0; i < rows; i++) {
				TestRows.Article article = data[i % data.length];
				writer.write(validator.validate(dev.stagekit.bulkwriter.internal.RowValidator.toMap(article, i + 1),
						i + 1));
			}
		}
		return System.nanoTime() - start;
	}

	static long direct(Path file, CollectionSchema schema, TestRows.Article[] data, int rows,
			CompressionCodecName codec) throws IOException {
		MessageType type = ParquetFormatWriter.schema(schema.writtenFields(), false);
		long start = System.nanoTime();
		try (ParquetWriter<TestRows.Article> writer = new DirectBuilder(new LocalOutputFile(file), type)
			.withConf(new PlainParquetConfiguration())
			.withCodecFactory(PlainCodecs.INSTANCE)
			.withCompressionCodec(codec)
			.withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
			.withRowGroupSize(32L << 20)
			.withDictionaryEncoding(false)
			.build()) {
			for (int i = 0; i < rows; i++) {
				writer.write(data[i % data.length]);
			}
		}
		return System.nanoTime() - start;
	}

	private static final class DirectBuilder extends ParquetWriter.Builder<TestRows.Article, DirectBuilder> {

		private final MessageType type;

		DirectBuilder(LocalOutputFile file, MessageType type) {
			super(file);
			this.type = type;
		}

		@Override
		protected DirectBuilder self() {
			return this;
		}

		@Override
		@SuppressWarnings("deprecation")
		protected WriteSupport<TestRows.Article> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
			return support();
		}

		@Override
		protected WriteSupport<TestRows.Article> getWriteSupport(ParquetConfiguration conf) {
			return support();
		}

		private WriteSupport<TestRows.Article> support() {
			MessageType schema = this.type;
			return new WriteSupport<>() {

				private RecordConsumer out;

				@Override
				@SuppressWarnings("deprecation")
				public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
					return new WriteContext(schema, new HashMap<>());
				}

				@Override
				public WriteContext init(ParquetConfiguration configuration) {
					return new WriteContext(schema, new HashMap<>());
				}

				@Override
				public void prepareForWrite(RecordConsumer recordConsumer) {
					this.out = recordConsumer;
				}

				@Override
				public void write(TestRows.Article article) {
					this.out.startMessage();
					this.out.startField("id", 0);
					this.out.addLong(article.id());
					this.out.endField("id", 0);
					this.out.startField("title", 1);
					this.out.addBinary(Binary.fromString(article.title()));
					this.out.endField("title", 1);
					this.out.startField("embedding", 2);
					this.out.startGroup();
					this.out.startField("list", 0);
					for (float f : article.embedding()) {
						this.out.startGroup();
						this.out.startField("element", 0);
						this.out.addFloat(f);
						this.out.endField("element", 0);
						this.out.endGroup();
					}
					this.out.endField("list", 0);
					this.out.endGroup();
					this.out.endField("embedding", 2);
					this.out.endMessage();
				}
			};
		}

	}

}
