package dev.stagekit.client.job;

import java.time.Duration;

import dev.stagekit.client.Page;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive access to import jobs that load stage or volume files into a collection.
 *
 * @since 0.1.0
 */
public interface ReactiveImportJobs {

	/**
	 * Start an import job. Transient failures are retried with the request's {@code Idempotency-Key}, so a
	 * retry after a lost answer returns the first job instead of starting a second one.
	 * @param request the request
	 * @return the job id
	 */
	Mono<ImportJobId> create(ImportRequest request);

	/**
	 * Commit a two-phase import ({@link ImportRequest.Builder#autoCommit(boolean) autoCommit(false)}): its rows
	 * become visible.
	 * @param jobId the job
	 * @return completes when the service accepted the commit
	 */
	Mono<Void> commit(ImportJobId jobId);

	/**
	 * Abort an import job: its rows are dropped.
	 * @param jobId the job
	 * @return completes when the service accepted the abort
	 */
	Mono<Void> abort(ImportJobId jobId);

	/**
	 * Describe the progress of a job.
	 * @param jobId the job
	 * @return the progress
	 */
	Mono<ImportJobProgress> describe(ImportJobId jobId);

	/**
	 * Fetch one page of import jobs.
	 * @param request the request
	 * @return the page
	 */
	Mono<Page<ImportJobSummary>> list(ListImportJobsRequest request);

	/**
	 * Poll a job and emit each distinct progress; completes after {@code Completed}, errors with
	 * {@link JobFailedException} on {@code Failed}.
	 * @param jobId the job
	 * @param pollInterval the delay between polls
	 * @return the progress updates
	 */
	Flux<ImportJobProgress> awaitCompletion(ImportJobId jobId, Duration pollInterval);

}
