package dev.stagekit.client;

/**
 * A directory or file inside a stage or volume, e.g. the result of an upload.
 *
 * @param kind stage or volume
 * @param name the stage or volume name
 * @param path the path relative to its root; directories end with '/'
 * @since 0.1.0
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

}
