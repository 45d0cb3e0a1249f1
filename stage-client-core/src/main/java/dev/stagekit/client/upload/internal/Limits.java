package dev.stagekit.client.upload.internal;

import java.util.Locale;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.internal.ApplyResult;
import dev.stagekit.client.upload.UploadLimitExceededException;
import org.jspecify.annotations.Nullable;

/**
 * The upload limits of an apply answer ({@code maxContentLength}, {@code maxFileNumber}) and the length
 * checks of a stream.
 */
final class Limits {

	private Limits() {
	}

	static void check(ApplyResult apply, long files, long bytes) {
		ApplyResult.Condition condition = apply.condition();
		String target = apply.kind().name().toLowerCase(Locale.ROOT) + " '" + apply.name() + "' accepts per upload";
		if (bytes > condition.maxContentLength()) {
			throw new UploadLimitExceededException("The upload holds " + bytes + " bytes in " + files + " file"
					+ ((files == 1) ? "" : "s") + ", more than the " + condition.maxContentLength()
					+ " bytes (maxContentLength) " + target, bytes, condition.maxContentLength());
		}
		Long maxFiles = condition.maxFileNumber();
		if (maxFiles != null && files > maxFiles) {
			throw new UploadLimitExceededException("The upload holds " + files + " files (" + bytes
					+ " bytes), more than the " + maxFiles + " files (maxFileNumber) " + target, files, maxFiles);
		}
	}

	static void checkStream(ApplyResult apply, long received, @Nullable Long length) {
		if (length != null && received > length) {
			throw new InvalidRequestException("content length", length,
					"the stream carried more bytes (at least " + received + ")");
		}
		check(apply, 1, received);
	}

	static void checkExactLength(long received, @Nullable Long length) {
		if (length != null && received != length) {
			throw new InvalidRequestException("content length", length,
					"the stream carried " + received + " bytes; nothing was written");
		}
	}

}
