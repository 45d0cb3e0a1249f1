package dev.stagekit.client.upload.internal;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.InvalidSettingException;
import org.jspecify.annotations.Nullable;

/**
 * Chooses and checks S3 multipart part sizes (contract 3.4).
 *
 * <p>Public because {@link dev.stagekit.client.upload.UploadSettings} checks its part size with it, so that
 * the rule exists once; not an API.
 *
 * @since 0.1.0
 */
public final class PartSizes {

	/** One MiB. */
	public static final long MIB = 1024L * 1024L;

	/** S3's smallest part size, 5 MiB. */
	public static final long MIN_PART_SIZE = 5 * MIB;

	/** S3's largest part size, 5 GiB. */
	public static final long MAX_PART_SIZE = 5 * 1024 * MIB;

	/** S3's largest number of parts. */
	public static final long MAX_PARTS = 10_000;

	private PartSizes() {
	}

	/**
	 * Check a part size against S3's limits.
	 * @param partSize the part size in bytes
	 * @return the part size
	 * @throws InvalidSettingException if it is below 5 MiB or above 5 GiB
	 */
	public static long check(long partSize) {
		if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
			throw new InvalidSettingException("partSize", partSize, "part size " + partSize + " bytes is "
					+ ((partSize < MIN_PART_SIZE) ? "below the 5 MiB (" + MIN_PART_SIZE + " bytes) S3 minimum"
							: "above the 5 GiB (" + MAX_PART_SIZE + " bytes) S3 maximum")
					+ "; it must be between 5MB and 5GB (S3's part size limits)");
		}
		return partSize;
	}

	/**
	 * Choose the part size for a file.
	 * @param fileSize the file size in bytes
	 * @param requestedPartSize the requested part size, or {@code null} to choose it (at least 5 MiB, about
	 * 1,000 parts)
	 * @return the part size in bytes
	 * @throws InvalidRequestException if the requested size breaks an S3 limit for this file
	 */
	static long choose(long fileSize, @Nullable Long requestedPartSize) {
		if (requestedPartSize == null) {
			if (fileSize <= 0) {
				return MIN_PART_SIZE;
			}
			long size = Math.max(MIN_PART_SIZE, Math.max(ceilDiv(fileSize, 1000), ceilDiv(fileSize, MAX_PARTS)));
			return ceilDiv(size, MIB) * MIB;
		}
		check(requestedPartSize);
		long parts = partCount(fileSize, requestedPartSize);
		if (parts > MAX_PARTS) {
			throw new InvalidRequestException("part size", requestedPartSize, "part size " + requestedPartSize
					+ " is too small for a file of " + fileSize + " bytes: it would take " + parts
					+ " parts, more than S3's 10,000");
		}
		return requestedPartSize;
	}

	/**
	 * Count the parts needed for a file; an empty file takes one part.
	 * @param fileSize the file size in bytes
	 * @param partSize the part size in bytes, positive
	 * @return the number of parts
	 */
	static long partCount(long fileSize, long partSize) {
		return fileSize <= 0 ? 1 : ceilDiv(fileSize, partSize);
	}

	private static long ceilDiv(long a, long b) {
		return -Math.floorDiv(-a, b);
	}

}
