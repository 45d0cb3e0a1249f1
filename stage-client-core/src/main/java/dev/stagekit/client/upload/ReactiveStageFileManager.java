package dev.stagekit.client.upload;

/**
 * A {@link ReactiveFileManager} bound to one (legacy) stage.
 *
 * @since 0.1.0
 */
public interface ReactiveStageFileManager extends ReactiveFileManager {

}
