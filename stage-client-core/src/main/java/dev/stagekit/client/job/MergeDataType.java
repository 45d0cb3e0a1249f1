package dev.stagekit.client.job;

/**
 * Types a merge job can add to a collection.
 *
 * @since 0.1.0
 */
public enum MergeDataType {

	/** Text; needs a maximum length. */
	VARCHAR,

	/** 8-bit integer. */
	INT8,

	/** 16-bit integer. */
	INT16,

	/** 32-bit integer. */
	INT32,

	/** 64-bit integer. */
	INT64,

	/** 32-bit float. */
	FLOAT,

	/** 64-bit float. */
	DOUBLE,

	/** Boolean. */
	BOOL

}
