package dev.stagekit.client.upload;

/**
 * A {@link ReactiveFileManager} bound to one volume.
 *
 * @since 0.1.0
 */
public interface ReactiveVolumeFileManager extends ReactiveFileManager {

}
