package dev.stagekit.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.ZillizCloudException;
import dev.stagekit.client.control.ReactiveStageManager;
import dev.stagekit.client.control.ReactiveVolumeManager;
import dev.stagekit.client.control.StageInfo;
import dev.stagekit.client.control.VolumeInfo;
import dev.stagekit.client.upload.FileManagers;
import dev.stagekit.client.upload.UploadRequest;
import dev.stagekit.client.upload.UploadResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The HTTP side of the sample ({@code serve}): stream a multipart file straight into a volume, start a
 * directory upload and follow it as server-sent events, list volumes and stages. A failure of the service
 * is answered with its message: HTTP 502 and a problem detail, or an {@code error} event on a progress stream.
 */
@RestController
@ConditionalOnProperty(name = "sample.mode", havingValue = "serve")
class SampleController {

	private final FileManagers files;

	private final ReactiveVolumeManager volumes;

	private final ReactiveStageManager stages;

	private final ZillizCloudClients clients;

	private final Map<String, Flux<ServerSentEvent<Object>>> uploads = new ConcurrentHashMap<>();

	SampleController(FileManagers files, ReactiveVolumeManager volumes, ReactiveStageManager stages,
			ZillizCloudClients clients) {
		this.files = files;
		this.volumes = volumes;
		this.stages = stages;
		this.clients = clients;
	}

	/** Streams the part's bytes to the volume as they arrive: no temporary file, memory bounded by parts. */
	@PostMapping(path = "/volumes/{volume}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Mono<UploadResult> uploadFile(@PathVariable String volume, @RequestParam(defaultValue = "") String path,
			@RequestPart("file") Mono<FilePart> file) {
		return file.flatMap((part) -> this.files.reactiveVolume(volume)
			.upload(part.content(), path.isEmpty() ? part.filename() : path + "/" + part.filename()));
	}

	/** Starts uploading a server-side directory; follow it at {@code /uploads/{id}/progress}. */
	@PostMapping("/volumes/{volume}/uploads")
	Map<String, String> startUpload(@PathVariable String volume, @RequestBody DirectoryUpload request) {
		Path source = Path.of(request.source());
		if (!Files.isDirectory(source)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"No directory " + source.toAbsolutePath() + " on the server: give an existing directory as source");
		}
		String id = UUID.randomUUID().toString();
		Flux<ServerSentEvent<Object>> events = Flux
			.defer(() -> this.files.reactiveVolume(volume)
				.uploadWithProgress(UploadRequest.builder(source, request.target()).build()))
			.map((progress) -> ServerSentEvent.<Object>builder(progress).event("progress").build())
			.onErrorResume((failure) -> Mono.just(ServerSentEvent
				.<Object>builder(new UploadFailure(SampleApplication.describe(failure)))
				.event("error")
				.build()))
			.replay(1)
			.autoConnect(0);
		this.uploads.put(id, events);
		return Map.of("id", id, "progress", "/uploads/" + id + "/progress");
	}

	/**
	 * Progress of a directory upload as server-sent events: {@code progress} events (the last one carries the
	 * result), or an {@code error} event with the failure's message.
	 */
	@GetMapping(path = "/uploads/{id}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> progress(@PathVariable String id) {
		Flux<ServerSentEvent<Object>> events = this.uploads.get(id);
		if (events == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No upload " + id);
		}
		return events;
	}

	@GetMapping("/volumes")
	Flux<VolumeInfo> volumes() {
		return this.volumes.listAll(null, null);
	}

	@GetMapping("/stages")
	Flux<StageInfo> stages() {
		String projectId = this.clients.settings().projectId();
		if (projectId == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Set zilliz.cloud.project-id to list stages");
		}
		return this.stages.listAll(projectId);
	}

	@ExceptionHandler(ZillizCloudException.class)
	ProblemDetail zillizCloudFailure(ZillizCloudException failure) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, SampleApplication.describe(failure));
	}

	/**
	 * A directory upload request.
	 *
	 * @param source the server-side directory
	 * @param target the target path in the volume
	 */
	record DirectoryUpload(String source, String target) {
	}

	/**
	 * The data of an {@code error} event.
	 *
	 * @param message what failed and why
	 */
	record UploadFailure(String message) {
	}

}
