package dev.stagekit.client.job;

/**
 * Identifies an import job on a cluster.
 *
 * @param clusterId the cluster id
 * @param jobId the job id
 */
public record ImportJobId(String clusterId, String jobId) {
}
