package dev.stagekit.readme;

import java.nio.file.Path;

import dev.stagekit.client.job.ImportJobProgress;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Runs README's {@link Ingest} where it claims to work: inside a WebFlux handler, on an event-loop thread. */
@RestController
public class IngestController {

	private final Ingest ingest;

	IngestController(Ingest ingest) {
		this.ingest = ingest;
	}

	@PostMapping("/ingest")
	Mono<String> ingest(@RequestParam String directory, @RequestParam String collection) {
		return this.ingest.load(Path.of(directory), collection).map(ImportJobProgress::state);
	}

}
