package dev.stagekit.client;

import java.time.Duration;
import java.util.function.Consumer;

import dev.stagekit.client.internal.Blocking;

/**
 * Blocking face of {@link ReactiveImportJobs}; throws only unchecked {@link ZillizCloudException}s.
 */
public final class ImportJobs {

	private final ReactiveImportJobs reactive;

	private final Duration timeout;

	/**
	 * Wrap the reactive import jobs.
	 * @param reactive the reactive face
	 * @param timeout the longest time to block per call
	 */
	public ImportJobs(ReactiveImportJobs reactive, Duration timeout) {
		this.reactive = reactive;
		this.timeout = timeout;
	}

	/**
	 * Return a copy blocking at most for another timeout.
	 * @param timeout the timeout
	 * @return a new face
	 */
	public ImportJobs withTimeout(Duration timeout) {
		return new ImportJobs(this.reactive, timeout);
	}

	/**
	 * Return the blocking timeout.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * Start an import job.
	 * @param request the request
	 * @return the job id
	 */
	public ImportJobId create(ImportRequest request) {
		return Blocking.blockValue(this.reactive.create(request), this.timeout);
	}

	/**
	 * Describe a job.
	 * @param jobId the job
	 * @return the progress
	 */
	public ImportJobProgress describe(ImportJobId jobId) {
		return Blocking.blockValue(this.reactive.describe(jobId), this.timeout);
	}

	/**
	 * Fetch one page of jobs.
	 * @param request the request
	 * @return the page
	 */
	public Page<ImportJobSummary> list(ListImportJobsRequest request) {
		return Blocking.blockValue(this.reactive.list(request), this.timeout);
	}

	/**
	 * Wait until a job completes.
	 * @param jobId the job
	 * @param pollInterval the delay between polls
	 * @param maxWait the longest time to wait
	 * @param listener receives each distinct progress
	 * @return the final progress
	 * @throws ImportJobFailedException if the job fails
	 */
	public ImportJobProgress awaitCompletion(ImportJobId jobId, Duration pollInterval, Duration maxWait,
			Consumer<ImportJobProgress> listener) {
		return Blocking.blockValue(this.reactive.awaitCompletion(jobId, pollInterval).doOnNext(listener).last(),
				maxWait);
	}

	/**
	 * Wait until a job completes.
	 * @param jobId the job
	 * @param pollInterval the delay between polls
	 * @param maxWait the longest time to wait
	 * @return the final progress
	 * @throws ImportJobFailedException if the job fails
	 */
	public ImportJobProgress awaitCompletion(ImportJobId jobId, Duration pollInterval, Duration maxWait) {
		return awaitCompletion(jobId, pollInterval, maxWait, (progress) -> {
		});
	}

}
