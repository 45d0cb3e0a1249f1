package dev.stagekit.client.control;

/**
 * Type of a volume.
 */
public enum VolumeType {

	/** Storage managed by Zilliz Cloud. */
	MANAGED,

	/** Storage in the customer's bucket, reached through a storage integration. */
	EXTERNAL

}
