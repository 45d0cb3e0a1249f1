package dev.stagekit.readme;

// README:start ingest
import java.nio.file.Path;
import java.time.Duration;

import dev.stagekit.client.job.ImportJobProgress;
import dev.stagekit.client.job.ImportRequest;
import dev.stagekit.client.job.ReactiveImportJobs;
import dev.stagekit.client.upload.ReactiveVolumeFileManager;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

@Service
public class Ingest {

    private final ReactiveVolumeFileManager files;    // bound to zilliz.cloud.volume.name
    private final ReactiveImportJobs imports;

    Ingest(ReactiveVolumeFileManager files, ReactiveImportJobs imports) {
        this.files = files;
        this.imports = imports;
    }

    /** Nothing blocks: safe to return from a WebFlux handler. */
    public Mono<ImportJobProgress> load(Path directory, String collection) {
        return this.files.upload(directory, "batch-42/")
            .flatMap((uploaded) -> this.imports.create(ImportRequest.builder(collection).from(uploaded.location()).build()))
            .flatMapMany((job) -> this.imports.awaitCompletion(job, Duration.ofSeconds(1)))
            .last();
    }

}
// README:end ingest
