package dev.stagekit.client;

/**
 * Whether a storage location is a stage or a volume; the one kind used by every part of the client.
 *
 * @since 0.1.0
 */
public enum Kind {

	/** A legacy stage ({@code /v2/stages}). */
	STAGE,

	/** A volume ({@code /v2/volumes}). */
	VOLUME

}
