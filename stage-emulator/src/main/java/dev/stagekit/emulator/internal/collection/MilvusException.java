package dev.stagekit.emulator.internal.collection;

/**
 * A refusal in Milvus's style: a numeric code (for example 100 for a missing collection, 1100 for an
 * invalid parameter) and a message.
 */
public final class MilvusException extends RuntimeException {

	/** {@code merr.ErrCollectionNotFound}. */
	public static final int COLLECTION_NOT_FOUND = 100;

	/** {@code merr.ErrParameterInvalid}. */
	public static final int PARAMETER_INVALID = 1100;

	/** {@code merr.ErrNeedAuthenticate}. */
	public static final int NEED_AUTHENTICATE = 1800;

	/** {@code merr.ErrIncorrectParameterFormat}. */
	public static final int INCORRECT_PARAMETER_FORMAT = 1801;

	/** {@code merr.ErrMissingRequiredParameters}. */
	public static final int MISSING_REQUIRED_PARAMETERS = 1802;

	private final int code;

	public MilvusException(int code, String message) {
		super(message, null, false, false);
		this.code = code;
	}

	public int code() {
		return this.code;
	}

	/** Milvus's "collection not found" for a name. */
	public static MilvusException collectionNotFound(String dbName, String collectionName) {
		return new MilvusException(COLLECTION_NOT_FOUND,
				"collection not found[database=" + dbName + "][collection=" + collectionName + "]");
	}

	public static MilvusException invalid(String message) {
		return new MilvusException(PARAMETER_INVALID, "invalid parameter: " + message);
	}

}
