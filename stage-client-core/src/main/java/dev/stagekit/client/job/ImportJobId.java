package dev.stagekit.client.job;

/**
 * Identifies an import job on a cluster.
 *
 * @param clusterId the cluster id
 * @param jobId the job id
 * @since 0.1.0
 */
public record ImportJobId(String clusterId, String jobId) {
}
