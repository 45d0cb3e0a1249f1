package dev.stagekit.client.upload;

/**
 * The checksum sent with every object and part, computed while the bytes stream and verified by the
 * object store, which refuses a body that does not match.
 *
 * @since 0.1.0
 */
public enum UploadChecksum {

	/** CRC-32C (the default: fast, hardware accelerated). */
	CRC32C,

	/** CRC-32. */
	CRC32,

	/** CRC-64/NVME. */
	CRC64NVME,

	/** SHA-1. */
	SHA1,

	/** SHA-256. */
	SHA256

}
