package dev.stagekit.client.upload.internal;

import java.util.Map;

import dev.stagekit.client.StorageLocation;
import dev.stagekit.client.upload.UploadResult;
import dev.stagekit.client.upload.UploadedObject;
import dev.stagekit.client.upload.internal.SourceScanner.SourceFile;
import dev.stagekit.client.upload.internal.SourceScanner.Summary;
import dev.stagekit.client.upload.internal.TreePlanner.Remote;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Uploads a planned tree: a few files at once, each skipped, sent in one request, or sent in parts
 * (resumable when asked).
 */
final class TreeUpload {

	private final TreePlanner planner;

	private final MultipartUpload uploader;

	private final ResumableUpload resumable;

	private final int fileConcurrency;

	TreeUpload(TreePlanner planner, MultipartUpload uploader, ResumableUpload resumable, int fileConcurrency) {
		this.planner = planner;
		this.uploader = uploader;
		this.resumable = resumable;
		this.fileConcurrency = fileConcurrency;
	}

	Mono<UploadResult> upload(UploadPlan plan, SourceScanner scanner, Summary summary) {
		return this.planner.remote(plan)
			.flatMapMany((remote) -> this.planner.files(plan, scanner, summary)
				.flatMapSequential((file) -> file(plan, file, remote), this.fileConcurrency, 1))
			.collectList()
			.map((objects) -> new UploadResult(new StorageLocation(plan.kind(), plan.name(), plan.target()), objects,
					objects.stream().filter((object) -> !object.skipped()).mapToLong(UploadedObject::size).sum(),
					plan.tracker().elapsed()));
	}

	private Mono<UploadedObject> file(UploadPlan plan, SourceFile file, Map<String, Remote> remote) {
		String path = plan.target() + file.relativePath();
		String key = plan.keyOf(path);
		long partSize = PartSizes.choose(file.size(), plan.partSize());
		return TreePlanner.skip(plan.policy(), file, remote.get(key), partSize).flatMap((skip) -> {
			if (skip) {
				plan.tracker().skipped(file.size());
				return Mono.just(new UploadedObject(file.relativePath(), path, key, file.size(), true));
			}
			plan.tracker().started(file.relativePath());
			return send(plan, key, file, partSize).then(Mono.fromCallable(() -> {
				plan.tracker().completed();
				return new UploadedObject(file.relativePath(), path, key, file.size(), false);
			}));
		});
	}

	private Mono<Void> send(UploadPlan plan, String key, SourceFile file, long partSize) {
		if (file.size() <= partSize) {
			return this.uploader.put(plan, key, PartBody.of(file, 0, file.size(), plan.tracker()));
		}
		Runnable unchanged = () -> TreePlanner.unchanged(file);
		if (plan.resumable()) {
			return this.resumable.upload(plan, key, file, partSize, unchanged);
		}
		int parts = (int) PartSizes.partCount(file.size(), partSize);
		Flux<PartBody> bodies = Flux.range(0, parts).map((index) -> {
			long offset = index * partSize;
			return PartBody.of(file, offset, Math.min(partSize, file.size() - offset), plan.tracker());
		});
		return this.uploader.upload(plan, key, bodies, unchanged);
	}

}
