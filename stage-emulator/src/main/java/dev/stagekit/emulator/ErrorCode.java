package dev.stagekit.emulator;

/**
 * The business error codes the emulated control plane answers with: HTTP 200 and an envelope
 * {@code {"code": <code>, "message": "..."}} whose message names the offending field and value.
 */
public enum ErrorCode {

	/** The {@code Authorization: Bearer} API key is missing or wrong. */
	API_KEY_ILLEGAL(21119),

	/** The request body is not valid JSON, or not a JSON object. */
	INVALID_JSON(80001),

	/** A required field or query parameter is missing or empty. */
	MISSING_FIELD(80002),

	/** A volume, stage or collection name breaks the naming rule. */
	INVALID_NAME(80003),

	/** {@code pageSize} or {@code currentPage} is not an integer in range. */
	INVALID_PAGE(80004),

	/** A field holds a value of the wrong type or an unsupported value. */
	INVALID_VALUE(80005),

	/** The project does not exist. */
	PROJECT_NOT_FOUND(80010),

	/** The region does not exist. */
	REGION_NOT_FOUND(80011),

	/** The cluster does not exist. */
	CLUSTER_NOT_FOUND(80012),

	/** The storage integration does not exist. */
	STORAGE_INTEGRATION_NOT_FOUND(80013),

	/** The volume does not exist. */
	VOLUME_NOT_FOUND(80020),

	/** The stage does not exist. */
	STAGE_NOT_FOUND(80021),

	/** The import job does not exist. */
	JOB_NOT_FOUND(80022),

	/** A volume with that name already exists. */
	VOLUME_ALREADY_EXISTS(80030),

	/** A stage with that name already exists. */
	STAGE_ALREADY_EXISTS(80031),

	/** Creating another volume of that type would exceed the allowed number. */
	QUOTA_EXCEEDED(80040),

	/** Two resources that must share a region do not. */
	REGION_MISMATCH(80050),

	/** A merge names data that is missing or is not Parquet. */
	MERGE_DATA_INVALID(80060),

	/** A merge would write its result over its source. */
	MERGE_SAME_SOURCE(80061),

	/** The collection does not exist on the cluster (Milvus's code for it). */
	COLLECTION_NOT_FOUND(100),

	/** A merge's destination collection already exists. */
	COLLECTION_ALREADY_EXISTS(80062),

	/** An {@code Idempotency-Key} was already used for an import create with another body. */
	IDEMPOTENCY_KEY_REUSED(80070),

	/** An import's {@code objectUrls} do not point into the emulator's data plane, or its credentials do not
	 * grant reading them. */
	OBJECT_URL_REFUSED(80071);

	private final int code;

	ErrorCode(int code) {
		this.code = code;
	}

	/** The numeric code sent on the wire. */
	public int code() {
		return this.code;
	}

}
