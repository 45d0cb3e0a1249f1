package dev.stagekit.client.upload.internal;

import java.util.ArrayList;
import java.util.List;

import dev.stagekit.client.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * Normalises a target directory inside a stage or volume, following the V2 Java rules.
 */
final class TargetPaths {

	private TargetPaths() {
	}

	/**
	 * Normalise a target path: {@code null}, empty, {@code /} and {@code .} give the root ({@code ""});
	 * otherwise backslashes become slashes, empty and {@code .} segments are dropped and the result ends
	 * with {@code /}.
	 * @param target the requested target path, or {@code null}
	 * @return the normalised path, {@code ""} or ending with {@code /}
	 * @throws InvalidRequestException if any segment is {@code ..}
	 */
	static String normalize(@Nullable String target) {
		if (target == null) {
			return "";
		}
		UploadKeys.checkNoControlCharacters("target path", target);
		List<String> segments = new ArrayList<>();
		for (String segment : target.replace('\\', '/').split("/")) {
			if (segment.equals("..")) {
				throw new InvalidRequestException("target path", target,
						"must not escape the stage or volume root ('..' segments are not allowed)");
			}
			if (!segment.isEmpty() && !segment.equals(".")) {
				segments.add(segment);
			}
		}
		return segments.isEmpty() ? "" : String.join("/", segments) + "/";
	}

}
