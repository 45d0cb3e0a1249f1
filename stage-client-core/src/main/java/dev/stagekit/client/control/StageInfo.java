package dev.stagekit.client.control;

/**
 * A stage as listed by the control plane.
 *
 * @param stageName the stage name
 * @since 0.1.0
 */
public record StageInfo(String stageName) {
}
