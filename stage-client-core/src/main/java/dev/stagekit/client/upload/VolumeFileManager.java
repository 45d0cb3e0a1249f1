package dev.stagekit.client.upload;

/**
 * Uploads files into one volume, blocking (see {@link FileManager}).
 *
 * @since 0.1.0
 */
public final class VolumeFileManager extends FileManager {

	/**
	 * Wrap a reactive manager.
	 * @param reactive the reactive manager of the volume
	 */
	public VolumeFileManager(ReactiveVolumeFileManager reactive) {
		super(reactive);
	}

}
