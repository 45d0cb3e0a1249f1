package dev.stagekit.emulator.internal.format;

/**
 * Why an import fails, in the words Milvus's import uses; the message becomes the job's {@code reason}.
 */
public final class ImportFailure extends RuntimeException {

	public ImportFailure(String reason) {
		super(reason, null, false, false);
	}

	public String reason() {
		return getMessage();
	}

}
