package dev.stagekit.client.upload.internal;

import java.nio.file.Path;

import dev.stagekit.client.Kind;
import dev.stagekit.client.upload.PendingUpload;
import dev.stagekit.client.upload.ReactiveFileManager;
import dev.stagekit.client.upload.ReactiveStageFileManager;
import dev.stagekit.client.upload.ReactiveVolumeFileManager;
import dev.stagekit.client.upload.OpenUpload;
import dev.stagekit.client.upload.StoredFile;
import dev.stagekit.client.upload.UploadProgress;
import dev.stagekit.client.upload.UploadRequest;
import dev.stagekit.client.upload.UploadResult;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * A file manager is only a name and a kind in front of the shared {@link UploadEngine}; the two
 * subclasses exist so that stage and volume managers are distinct types to inject.
 */
abstract class EngineFileManager implements ReactiveFileManager {

	private final UploadEngine engine;

	private final Kind kind;

	private final String name;

	private EngineFileManager(UploadEngine engine, Kind kind, String name) {
		this.engine = engine;
		this.kind = kind;
		this.name = name;
	}

	/**
	 * Create a manager for a volume.
	 * @param engine the engine
	 * @param name the volume name
	 * @return the manager
	 */
	static ReactiveVolumeFileManager volume(UploadEngine engine, String name) {
		return new Volume(engine, name);
	}

	/**
	 * Create a manager for a stage.
	 * @param engine the engine
	 * @param name the stage name
	 * @return the manager
	 */
	static ReactiveStageFileManager stage(UploadEngine engine, String name) {
		return new Stage(engine, name);
	}

	@Override
	public Kind kind() {
		return this.kind;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Flux<UploadProgress> uploadWithProgress(UploadRequest request) {
		return this.engine.upload(this.kind, this.name, request);
	}

	@Override
	public Flux<UploadResult> uploadEach(Publisher<Path> sources, String targetPath) {
		return this.engine.uploadEach(this.kind, this.name, sources, targetPath);
	}

	@Override
	public Mono<UploadResult> upload(Publisher<DataBuffer> content, String targetFile, long contentLength) {
		return this.engine.upload(this.kind, this.name, content, targetFile, contentLength);
	}

	@Override
	public Mono<UploadResult> upload(Publisher<DataBuffer> content, String targetFile) {
		return this.engine.upload(this.kind, this.name, content, targetFile, null);
	}

	@Override
	public Flux<PendingUpload> pendingUploads() {
		return this.engine.stored().pending(this.kind, this.name);
	}

	@Override
	public Mono<Void> discard(PendingUpload pending) {
		return this.engine.stored().discard(this.kind, this.name, pending);
	}

	@Override
	public Flux<StoredFile> list(String path) {
		return this.engine.stored().list(this.kind, this.name, path);
	}

	@Override
	public Flux<OpenUpload> openUploads(String path) {
		return this.engine.stored().openUploads(this.kind, this.name, path);
	}

	@Override
	public Mono<Void> abort(OpenUpload upload) {
		return this.engine.stored().abort(this.kind, this.name, upload);
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.name + "]";
	}

	private static final class Volume extends EngineFileManager implements ReactiveVolumeFileManager {

		Volume(UploadEngine engine, String name) {
			super(engine, Kind.VOLUME, name);
		}

	}

	private static final class Stage extends EngineFileManager implements ReactiveStageFileManager {

		Stage(UploadEngine engine, String name) {
			super(engine, Kind.STAGE, name);
		}

	}

}
