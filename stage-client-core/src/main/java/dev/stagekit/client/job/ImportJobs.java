package dev.stagekit.client.job;

import java.time.Duration;
import java.util.function.Consumer;

import dev.stagekit.client.BlockingClient;
import dev.stagekit.client.Page;

/**
 * Blocking face of {@link ReactiveImportJobs}; throws only unchecked
 * {@link dev.stagekit.client.ZillizCloudException}s.
 *
 * @since 0.1.0
 */
public final class ImportJobs extends BlockingClient<ReactiveImportJobs, ImportJobs> {

	/**
	 * Wrap the reactive import jobs.
	 * @param reactive the reactive face
	 * @param timeout the longest time to block per call
	 */
	public ImportJobs(ReactiveImportJobs reactive, Duration timeout) {
		super(reactive, timeout, ImportJobs::new);
	}

	/**
	 * Start an import job.
	 * @param request the request
	 * @return the job id
	 */
	public ImportJobId create(ImportRequest request) {
		return get((jobs) -> jobs.create(request));
	}

	/**
	 * Commit a two-phase import job.
	 * @param jobId the job
	 */
	public void commit(ImportJobId jobId) {
		get((jobs) -> jobs.commit(jobId).thenReturn(jobId));
	}

	/**
	 * Abort an import job.
	 * @param jobId the job
	 */
	public void abort(ImportJobId jobId) {
		get((jobs) -> jobs.abort(jobId).thenReturn(jobId));
	}

	/**
	 * Describe a job.
	 * @param jobId the job
	 * @return the progress
	 */
	public ImportJobProgress describe(ImportJobId jobId) {
		return get((jobs) -> jobs.describe(jobId));
	}

	/**
	 * Fetch one page of jobs.
	 * @param request the request
	 * @return the page
	 */
	public Page<ImportJobSummary> list(ListImportJobsRequest request) {
		return get((jobs) -> jobs.list(request));
	}

	/**
	 * Wait until a job completes.
	 * @param jobId the job
	 * @param pollInterval the delay between polls
	 * @param maxWait the longest time to wait
	 * @param listener receives each distinct progress
	 * @return the final progress
	 * @throws JobFailedException if the job fails
	 */
	public ImportJobProgress awaitCompletion(ImportJobId jobId, Duration pollInterval, Duration maxWait,
			Consumer<ImportJobProgress> listener) {
		return within(maxWait, (jobs) -> jobs.awaitCompletion(jobId, pollInterval).doOnNext(listener).last());
	}

	/**
	 * Wait until a job completes.
	 * @param jobId the job
	 * @param pollInterval the delay between polls
	 * @param maxWait the longest time to wait
	 * @return the final progress
	 * @throws JobFailedException if the job fails
	 */
	public ImportJobProgress awaitCompletion(ImportJobId jobId, Duration pollInterval, Duration maxWait) {
		return awaitCompletion(jobId, pollInterval, maxWait, (progress) -> {
		});
	}

}
