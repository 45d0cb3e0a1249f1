package dev.stagekit.emulator.internal;

import dev.stagekit.emulator.ErrorCode;

/**
 * A request the control plane refuses with a business error code and a message naming the field.
 */
final class ApiException extends RuntimeException {

	private final ErrorCode errorCode;

	ApiException(ErrorCode errorCode, String message) {
		super(message, null, false, false);
		this.errorCode = errorCode;
	}

	ErrorCode errorCode() {
		return this.errorCode;
	}

}
