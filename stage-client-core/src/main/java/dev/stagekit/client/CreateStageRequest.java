package dev.stagekit.client;

/**
 * Request to create a stage.
 *
 * @param projectId the project id
 * @param regionId the region id, e.g. {@code aws-us-west-2}
 * @param stageName the stage name
 */
public record CreateStageRequest(String projectId, String regionId, String stageName) {
}
