package dev.stagekit.client.internal;

import dev.stagekit.client.StorageLocation;

/**
 * The only differences between the stage and volume control-plane APIs.
 */
public enum ResourceKind {

	/** Legacy stages under {@code /v2/stages}. */
	STAGE("/v2/stages", "stageName", "stages", "stagePrefix", 80031, false),

	/** Volumes under {@code /v2/volumes}. */
	VOLUME("/v2/volumes", "volumeName", "volumes", "volumePrefix", 80030, true);

	private final String basePath;

	private final String nameField;

	private final String listField;

	private final String prefixField;

	private final int alreadyExistsCode;

	private final boolean describable;

	ResourceKind(String basePath, String nameField, String listField, String prefixField, int alreadyExistsCode,
			boolean describable) {
		this.basePath = basePath;
		this.nameField = nameField;
		this.listField = listField;
		this.prefixField = prefixField;
		this.alreadyExistsCode = alreadyExistsCode;
		this.describable = describable;
	}

	/**
	 * Return the kind matching a public storage kind.
	 * @param kind the public kind
	 * @return the resource kind
	 */
	public static ResourceKind of(StorageLocation.Kind kind) {
		return (kind == StorageLocation.Kind.STAGE) ? STAGE : VOLUME;
	}

	/**
	 * Return the public storage kind.
	 * @return the storage kind
	 */
	public StorageLocation.Kind storageKind() {
		return (this == STAGE) ? StorageLocation.Kind.STAGE : StorageLocation.Kind.VOLUME;
	}

	/**
	 * Base path, e.g. {@code /v2/volumes}.
	 * @return the base path
	 */
	public String basePath() {
		return this.basePath;
	}

	/**
	 * Path of the create endpoint.
	 * @return the path
	 */
	public String createPath() {
		return this.basePath + "/create";
	}

	/**
	 * Path of the apply endpoint.
	 * @return the path
	 */
	public String applyPath() {
		return this.basePath + "/apply";
	}

	/**
	 * Path of one named resource; the name must have been validated.
	 * @param name the name
	 * @return the path
	 */
	public String itemPath(String name) {
		return this.basePath + "/" + name;
	}

	/**
	 * JSON field holding the name, e.g. {@code volumeName}.
	 * @return the field
	 */
	public String nameField() {
		return this.nameField;
	}

	/**
	 * JSON field holding list items, e.g. {@code volumes}.
	 * @return the field
	 */
	public String listField() {
		return this.listField;
	}

	/**
	 * JSON field holding the object key prefix in an apply answer.
	 * @return the field
	 */
	public String prefixField() {
		return this.prefixField;
	}

	/**
	 * Business code answered when the name is taken.
	 * @return the code
	 */
	public int alreadyExistsCode() {
		return this.alreadyExistsCode;
	}

	/**
	 * Whether a single resource can be described ({@code GET base/{name}}).
	 * @return {@code true} for volumes
	 */
	public boolean describable() {
		return this.describable;
	}

	/**
	 * Human name for messages and field names, e.g. {@code volumeName}.
	 * @return the label
	 */
	public String label() {
		return (this == STAGE) ? "stage" : "volume";
	}

}
