package dev.stagekit.client.upload;

/**
 * A {@link ReactiveFileManager} bound to one (legacy) stage.
 */
public interface ReactiveStageFileManager extends ReactiveFileManager {

}
