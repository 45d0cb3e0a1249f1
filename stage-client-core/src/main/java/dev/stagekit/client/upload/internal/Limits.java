package dev.stagekit.client.upload.internal;

import java.util.Locale;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.internal.ApplyResult;
import dev.stagekit.client.upload.SkipPolicy;
import dev.stagekit.client.upload.UploadLimitExceededException;
import org.jspecify.annotations.Nullable;

/**
 * The upload limits of an apply answer ({@code maxContentLength}, {@code maxFileNumber}) and the length
 * checks of a stream.
 */
final class Limits {

	private Limits() {
	}

	static boolean fits(ApplyResult apply, long files, long bytes) {
		Long maxFiles = apply.condition().maxFileNumber();
		return bytes <= apply.condition().maxContentLength() && (maxFiles == null || files <= maxFiles);
	}

	static void check(ApplyResult apply, long files, long bytes) {
		check(apply, files, bytes, 0, SkipPolicy.OVERWRITE);
	}

	/**
	 * Check what an upload sends against the limits.
	 * @param apply the apply answer
	 * @param files the files that are sent
	 * @param bytes their bytes
	 * @param skipped the files the skip policy keeps (not counted)
	 * @param policy the skip policy
	 */
	static void check(ApplyResult apply, long files, long bytes, long skipped, SkipPolicy policy) {
		ApplyResult.Condition condition = apply.condition();
		String target = apply.kind().name().toLowerCase(Locale.ROOT) + " '" + apply.name() + "' accepts per upload";
		String sent = (policy == SkipPolicy.OVERWRITE) ? "holds" : "sends";
		String after = (policy == SkipPolicy.OVERWRITE) ? ""
				: " (counting only the files it sends: " + skipped + " file" + ((skipped == 1) ? "" : "s")
						+ " that skip policy " + policy + " keeps are not counted)";
		if (bytes > condition.maxContentLength()) {
			throw new UploadLimitExceededException("The upload " + sent + " " + bytes + " bytes in " + files + " file"
					+ ((files == 1) ? "" : "s") + ", more than the " + condition.maxContentLength()
					+ " bytes (maxContentLength) " + target + after, bytes, condition.maxContentLength());
		}
		Long maxFiles = condition.maxFileNumber();
		if (maxFiles != null && files > maxFiles) {
			throw new UploadLimitExceededException("The upload " + sent + " " + files + " files (" + bytes
					+ " bytes), more than the " + maxFiles + " files (maxFileNumber) " + target + after, files,
					maxFiles);
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
