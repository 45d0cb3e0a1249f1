package dev.stagekit.emulator.internal;

import dev.stagekit.emulator.ErrorCode;

/**
 * What tells volumes and stages apart: the nouns and field names on the wire, the key root of
 * their prefixes and their error codes. One implementation serves both.
 *
 * @param noun {@code volume} or {@code stage}
 * @param nameField the name field, {@code volumeName} or {@code stageName}
 * @param prefixField the prefix field of {@code apply}
 * @param listField the array field of the list answer
 * @param keyRoot the first segment of every prefix
 * @param typed whether it has a {@code MANAGED}/{@code EXTERNAL} type (volumes only)
 * @param notFound the error when the name is unknown
 * @param alreadyExists the error when the name is taken
 */
record ContainerKind(String noun, String nameField, String prefixField, String listField, String keyRoot,
		boolean typed, ErrorCode notFound, ErrorCode alreadyExists) {

	static final ContainerKind VOLUME = new ContainerKind("volume", "volumeName", "volumePrefix", "volumes",
			"volumes", true, ErrorCode.VOLUME_NOT_FOUND, ErrorCode.VOLUME_ALREADY_EXISTS);

	static final ContainerKind STAGE = new ContainerKind("stage", "stageName", "stagePrefix", "stages", "stages",
			false, ErrorCode.STAGE_NOT_FOUND, ErrorCode.STAGE_ALREADY_EXISTS);

	ApiException notFound(String name) {
		return new ApiException(this.notFound, this.nameField + " '" + name + "' does not exist");
	}

}
