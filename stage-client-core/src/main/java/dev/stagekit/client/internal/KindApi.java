package dev.stagekit.client.internal;

import dev.stagekit.client.Kind;

/**
 * The only differences between the stage and volume control-plane APIs, looked up by {@link Kind}.
 *
 * @param kind the kind
 * @param basePath the base path, e.g. {@code /v2/volumes}
 * @param nameField the JSON field holding the name, e.g. {@code volumeName}
 * @param listField the JSON field holding list items, e.g. {@code volumes}
 * @param prefixField the JSON field holding the object key prefix in an apply answer
 * @param alreadyExistsCode the business code answered when the name is taken
 * @param describable whether a single resource can be described ({@code GET base/{name}})
 */
record KindApi(Kind kind, String basePath, String nameField, String listField, String prefixField,
		int alreadyExistsCode, boolean describable) {

	private static final KindApi STAGE = new KindApi(Kind.STAGE, "/v2/stages", "stageName", "stages", "stagePrefix",
			80031, false);

	private static final KindApi VOLUME = new KindApi(Kind.VOLUME, "/v2/volumes", "volumeName", "volumes",
			"volumePrefix", 80030, true);

	static KindApi of(Kind kind) {
		return switch (kind) {
			case STAGE -> STAGE;
			case VOLUME -> VOLUME;
		};
	}

	String createPath() {
		return this.basePath + "/create";
	}

	String applyPath() {
		return this.basePath + "/apply";
	}

	/** Path of one named resource; the name must have been validated. */
	String itemPath(String name) {
		return this.basePath + "/" + name;
	}

	/** Human name for messages, e.g. {@code volume}. */
	String label() {
		return (this.kind == Kind.STAGE) ? "stage" : "volume";
	}

	/** The JSON value naming the kind in a data source, e.g. {@code volume}. */
	String type() {
		return label();
	}

}
