package dev.stagekit.client.control;

/**
 * Type of a volume.
 *
 * @since 0.1.0
 */
public enum VolumeType {

	/** Storage managed by Zilliz Cloud. */
	MANAGED,

	/** Storage in the customer's bucket, reached through a storage integration. */
	EXTERNAL

}
