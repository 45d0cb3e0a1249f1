package dev.stagekit.bulkwriter;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import dev.stagekit.client.StorageLocation;
import dev.stagekit.client.upload.ReactiveFileManager;
import dev.stagekit.client.upload.UploadProgress;
import dev.stagekit.client.upload.UploadRequest;
import dev.stagekit.client.upload.UploadResult;
import dev.stagekit.client.upload.UploadedObject;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * Run in a child JVM with a small heap: writes many rows of 768-dim float vectors to local Parquet files
 * through the real writer, with a file manager that only acknowledges files (no network), and prints the
 * peak heap. Arguments: rows, local directory.
 */
public final class MemoryChild {

	private MemoryChild() {
	}

	public static void main(String[] args) throws Exception {
		long rows = Long.parseLong(args[0]);
		Path directory = Path.of(args[1]);
		int dimension = 768;
		BulkWriterSettings settings = BulkWriterSettings.builder()
			.localDirectory(directory)
			.fileSize(64L * 1024 * 1024)
			.build();
		long[] files = new long[1];
		ReactiveFileManager acknowledging = new Acknowledging(files);
		try (ReactiveBulkWriter writer = new ReactiveBulkWriter(acknowledging, null, TestRows.articles(dimension), "mem",
				settings, null)) {
			float[] vector = new float[dimension];
			SplittableRandom random = new SplittableRandom(7);
			for (long id = 1; id <= rows; id++) {
				for (int i = 0; i < dimension; i++) {
					vector[i] = (float) random.nextDouble(-1, 1);
				}
				writer.append(new TestRows.Article(id, "article " + id, vector));
			}
			BulkWriteResult result = writer.commit().block();
			long peak = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					peak += pool.getPeakUsage().getUsed();
				}
			}
			System.out.println("rows=" + result.rows() + " files=" + result.files().size() + " bytes=" + result.bytes()
					+ " peakHeap=" + peak + " maxHeap=" + Runtime.getRuntime().maxMemory());
		}
	}

	private record Acknowledging(long[] files) implements ReactiveFileManager {

		@Override
		public dev.stagekit.client.Kind kind() {
			return dev.stagekit.client.Kind.VOLUME;
		}

		@Override
		public String name() {
			return "memory";
		}

		@Override
		public Flux<UploadProgress> uploadWithProgress(UploadRequest request) {
			return Mono.fromCallable(() -> Files.size(request.source())).flatMapMany((size) -> {
				String fileName = request.source().getFileName().toString();
				String path = request.targetPath() + fileName;
				UploadResult result = new UploadResult(StorageLocation.volume("memory", request.targetPath()),
						List.of(new UploadedObject(fileName, path, "prefix/" + path, size, false)), size, Duration.ZERO);
				this.files[0]++;
				return Flux.just(new UploadProgress(size, size, 1, 0, 1, "", 0, Duration.ZERO, result));
			});
		}

		@Override
		public Flux<UploadResult> uploadEach(Publisher<Path> sources, String targetPath) {
			return Flux.from(sources)
				.concatMap((source) -> uploadWithProgress(UploadRequest.builder(source, targetPath).build()).last())
				.mapNotNull(UploadProgress::result);
		}

		@Override
		public Mono<UploadResult> upload(Publisher<DataBuffer> content, String targetFile, long contentLength) {
			return Mono.error(new UnsupportedOperationException());
		}

		@Override
		public Mono<UploadResult> upload(Publisher<DataBuffer> content, String targetFile) {
			return Mono.error(new UnsupportedOperationException());
		}

	}

}
