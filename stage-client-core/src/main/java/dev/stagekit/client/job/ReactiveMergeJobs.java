package dev.stagekit.client.job;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Merge jobs: combine a collection with Parquet data from a stage or volume into a new collection.
 *
 * @since 0.1.0
 */
public interface ReactiveMergeJobs {

	/**
	 * Start a merge job; the request is checked before anything is sent.
	 * @param request the request
	 * @return the job id
	 */
	Mono<String> merge(MergeRequest request);

	/**
	 * Describe a control-plane job.
	 * @param jobId the job id
	 * @return the job
	 */
	Mono<ControlPlaneJob> describe(String jobId);

	/**
	 * Follow a job until it ends: every change of status or progress, ending with the successful state,
	 * or a {@link JobFailedException} carrying the job's reason.
	 * @param jobId the job id
	 * @param pollInterval the time between two polls
	 * @return the job states
	 */
	Flux<ControlPlaneJob> awaitCompletion(String jobId, Duration pollInterval);

}
