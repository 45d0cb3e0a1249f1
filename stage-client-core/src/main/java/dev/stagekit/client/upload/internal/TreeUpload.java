package dev.stagekit.client.upload.internal;

import dev.stagekit.client.StorageLocation;
import dev.stagekit.client.upload.UploadResult;
import dev.stagekit.client.upload.UploadedObject;
import dev.stagekit.client.upload.internal.SourceScanner.SourceFile;
import dev.stagekit.client.upload.internal.TreePlanner.PlannedFile;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Uploads the planned files of a tree, a few at once: each is skipped, sent in one request, or sent in parts
 * (resumable when asked).
 */
final class TreeUpload {

	private final MultipartUpload uploader;

	private final ResumableUpload resumable;

	private final int fileConcurrency;

	TreeUpload(MultipartUpload uploader, ResumableUpload resumable, int fileConcurrency) {
		this.uploader = uploader;
		this.resumable = resumable;
		this.fileConcurrency = fileConcurrency;
	}

	Mono<UploadResult> upload(UploadPlan plan, Flux<PlannedFile> files) {
		return files.flatMapSequential((file) -> file(plan, file), this.fileConcurrency, 1)
			.collectList()
			.map((objects) -> new UploadResult(new StorageLocation(plan.kind(), plan.name(), plan.target()), objects,
					objects.stream().filter((object) -> !object.skipped()).mapToLong(UploadedObject::size).sum(),
					plan.tracker().elapsed()));
	}

	private Mono<UploadedObject> file(UploadPlan plan, PlannedFile planned) {
		SourceFile file = planned.file();
		if (planned.skip()) {
			plan.tracker().skipped(file.size());
			return Mono.just(new UploadedObject(file.relativePath(), planned.path(), planned.key(), file.size(), true));
		}
		plan.tracker().started(file.relativePath());
		return send(plan, planned).then(Mono.fromCallable(() -> {
			plan.tracker().completed();
			return new UploadedObject(file.relativePath(), planned.path(), planned.key(), file.size(), false);
		}));
	}

	private Mono<Void> send(UploadPlan plan, PlannedFile planned) {
		SourceFile file = planned.file();
		long partSize = planned.partSize();
		if (file.size() <= partSize) {
			return this.uploader.put(plan, planned.key(), PartBody.of(file, 0, file.size(), plan.tracker()));
		}
		if (plan.resumable()) {
			return this.resumable.upload(plan, planned.key(), file, partSize, file::requireUnchanged);
		}
		int parts = (int) PartSizes.partCount(file.size(), partSize);
		Flux<PartBody> bodies = Flux.range(0, parts).map((index) -> {
			long offset = index * partSize;
			return PartBody.of(file, offset, Math.min(partSize, file.size() - offset), plan.tracker());
		});
		return this.uploader.upload(plan, planned.key(), bodies, file::requireUnchanged);
	}

}
