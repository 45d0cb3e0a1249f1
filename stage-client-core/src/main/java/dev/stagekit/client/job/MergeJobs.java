package dev.stagekit.client.job;

import java.time.Duration;

import dev.stagekit.client.BlockingClient;

/**
 * Blocking face of {@link ReactiveMergeJobs}; throws only unchecked
 * {@link dev.stagekit.client.ZillizCloudException}s.
 *
 * @since 0.1.0
 */
public final class MergeJobs extends BlockingClient<ReactiveMergeJobs, MergeJobs> {

	/**
	 * Wrap the reactive merge jobs.
	 * @param reactive the reactive face
	 * @param timeout the longest time to block per call
	 */
	public MergeJobs(ReactiveMergeJobs reactive, Duration timeout) {
		super(reactive, timeout, MergeJobs::new);
	}

	/**
	 * Start a merge job.
	 * @param request the request
	 * @return the job id
	 */
	public String merge(MergeRequest request) {
		return get((jobs) -> jobs.merge(request));
	}

	/**
	 * Describe a job.
	 * @param jobId the job id
	 * @return the job
	 */
	public ControlPlaneJob describe(String jobId) {
		return get((jobs) -> jobs.describe(jobId));
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
		return within(maxWait, (jobs) -> jobs.awaitCompletion(jobId, pollInterval).last());
	}

}
