package dev.stagekit.client;

/**
 * A directory or file inside a stage or volume, e.g. the result of an upload.
 *
 * @param kind stage or volume
 * @param name the stage or volume name
 * @param path the path relative to its root; directories end with '/'
 */
public record StorageLocation(Kind kind, String name, String path) {

	/**
	 * A location in a volume.
	 * @param volumeName the volume
	 * @param path the path
	 * @return the location
	 */
	public static StorageLocation volume(String volumeName, String path) {
		return new StorageLocation(Kind.VOLUME, volumeName, path);
	}

	/**
	 * A location in a stage.
	 * @param stageName the stage
	 * @param path the path
	 * @return the location
	 */
	public static StorageLocation stage(String stageName, String path) {
		return new StorageLocation(Kind.STAGE, stageName, path);
	}

	/** Whether a location is in a stage or a volume. */
	public enum Kind {

		/** A legacy stage. */
		STAGE,

		/** A volume. */
		VOLUME

	}

}
