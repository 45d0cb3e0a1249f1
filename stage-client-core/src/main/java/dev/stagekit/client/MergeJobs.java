package dev.stagekit.client;

import java.time.Duration;

import dev.stagekit.client.internal.Blocking;

/**
 * Blocking face of {@link ReactiveMergeJobs}.
 */
public final class MergeJobs {

	private final ReactiveMergeJobs reactive;

	private final Duration timeout;

	/**
	 * Wrap the reactive merge jobs.
	 * @param reactive the reactive face
	 * @param timeout the longest time to block per call
	 */
	public MergeJobs(ReactiveMergeJobs reactive, Duration timeout) {
		this.reactive = reactive;
		this.timeout = timeout;
	}

	/**
	 * Start a merge job.
	 * @param request the request
	 * @return the job id
	 */
	public String merge(MergeRequest request) {
		return Blocking.blockValue(this.reactive.merge(request), this.timeout);
	}

	/**
	 * Describe a job.
	 * @param jobId the job id
	 * @return the job
	 */
	public ControlPlaneJob describe(String jobId) {
		return Blocking.blockValue(this.reactive.describe(jobId), this.timeout);
	}

	/**
	 * Wait for a job to end.
	 * @param jobId the job id
	 * @param pollInterval the time between two polls
	 * @param maxWait the longest wait
	 * @return the successful job
	 * @throws JobFailedException if the job failed
	 */
	public ControlPlaneJob awaitCompletion(String jobId, Duration pollInterval, Duration maxWait) {
		return Blocking.blockValue(this.reactive.awaitCompletion(jobId, pollInterval).last(), maxWait);
	}

}
