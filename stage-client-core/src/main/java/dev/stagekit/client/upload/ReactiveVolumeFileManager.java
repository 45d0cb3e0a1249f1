package dev.stagekit.client.upload;

/**
 * A {@link ReactiveFileManager} bound to one volume.
 */
public interface ReactiveVolumeFileManager extends ReactiveFileManager {

}
