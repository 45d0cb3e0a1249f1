package dev.stagekit.readme.mvc;

// README:start mvc-files
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.job.ImportJobId;
import dev.stagekit.client.job.ImportJobProgress;
import dev.stagekit.client.job.ImportJobs;
import dev.stagekit.client.job.ImportRequest;
import dev.stagekit.client.upload.UploadResult;
import dev.stagekit.client.upload.VolumeFileManager;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
public class FilesController {

    private final VolumeFileManager files;    // bound to zilliz.cloud.volume.name
    private final ImportJobs imports;

    FilesController(VolumeFileManager files, ImportJobs imports) {
        this.files = files;
        this.imports = imports;
    }

    /** Streams the part into the volume from the request thread, never holding the whole file in memory. */
    @PostMapping("/files")
    UploadResult upload(@RequestParam MultipartFile file, @RequestParam String path) throws IOException {
        try (InputStream content = file.getInputStream()) {
            return this.files.upload(content, path, file.getSize());
        }
    }

    /** Holds the request thread until the job ends; for long imports answer the job id and poll instead. */
    @PostMapping("/imports")
    ImportJobProgress load(@RequestParam String path, @RequestParam String collection) {
        ImportJobId job = this.imports.create(
                ImportRequest.builder(collection).fromVolume(this.files.name(), List.of(List.of(path))).build());
        return this.imports.awaitCompletion(job, Duration.ofSeconds(1), Duration.ofMinutes(10));
    }

    /** A bad path or name is the caller's mistake: 400 with the rule it breaks, and nothing stored. */
    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
    }

}
// README:end mvc-files
