package dev.stagekit.client.control;

/**
 * A stage as listed by the control plane.
 *
 * @param stageName the stage name
 */
public record StageInfo(String stageName) {
}
