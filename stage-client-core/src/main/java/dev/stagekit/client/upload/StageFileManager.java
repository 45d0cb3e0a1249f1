package dev.stagekit.client.upload;

/**
 * Uploads files into one (legacy) stage, blocking (see {@link FileManager}).
 *
 * @since 0.1.0
 */
public final class StageFileManager extends FileManager {

	/**
	 * Wrap a reactive manager.
	 * @param reactive the reactive manager of the stage
	 */
	public StageFileManager(ReactiveStageFileManager reactive) {
		super(reactive);
	}

}
