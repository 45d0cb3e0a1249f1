package dev.stagekit.client.upload;

/**
 * What to do with a local file whose object key already exists in the stage or volume. The decision is
 * made from one paginated listing of the target directory, never from a request per file.
 *
 * @since 0.1.0
 */
public enum SkipPolicy {

	/** Upload every file, replacing existing objects (the official clients' behaviour before V3). */
	OVERWRITE,

	/** Skip a file when an object with its key exists, whatever its content. */
	SKIP_IF_EXISTS,

	/**
	 * Skip a file when an object with its key has the same size, whatever its content (the official clients'
	 * default since V3). An edited file of unchanged size is not sent: use it only for files that are never
	 * rewritten in place.
	 */
	SKIP_IF_SAME_SIZE,

	/**
	 * Skip a file when an object with its key has the same size and the local file was last modified (to the
	 * millisecond) no later than the object was stored; an object whose size is not known is uploaded again.
	 * The official clients' {@code SIZE_AND_MTIME}.
	 */
	SKIP_IF_SAME_SIZE_AND_MTIME,

	/**
	 * Skip a file when an object with its key has the same size and the same content checksum (its S3
	 * ETag, recomputed locally with the part size this client would use). Files whose stored ETag cannot
	 * be compared, for example objects written with another part size, are uploaded again.
	 */
	SKIP_IF_SAME_CHECKSUM

}
