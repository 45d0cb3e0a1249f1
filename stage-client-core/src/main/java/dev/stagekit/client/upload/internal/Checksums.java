package dev.stagekit.client.upload.internal;

import dev.stagekit.client.upload.UploadChecksum;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The one mapping of {@link UploadChecksum} onto the SDK: the algorithm a request declares, and where a
 * part's checksum sits in {@link CompletedPart}.
 */
final class Checksums {

	private final UploadChecksum checksum;

	Checksums(UploadChecksum checksum) {
		this.checksum = checksum;
	}

	ChecksumAlgorithm algorithm() {
		return switch (this.checksum) {
			case CRC32C -> ChecksumAlgorithm.CRC32_C;
			case CRC32 -> ChecksumAlgorithm.CRC32;
			case CRC64NVME -> ChecksumAlgorithm.CRC64_NVME;
			case SHA1 -> ChecksumAlgorithm.SHA1;
			case SHA256 -> ChecksumAlgorithm.SHA256;
		};
	}

	/** The part's checksum in this algorithm, as the store returned it. */
	@Nullable String of(CompletedPart part) {
		return switch (this.checksum) {
			case CRC32C -> part.checksumCRC32C();
			case CRC32 -> part.checksumCRC32();
			case CRC64NVME -> part.checksumCRC64NVME();
			case SHA1 -> part.checksumSHA1();
			case SHA256 -> part.checksumSHA256();
		};
	}

	/** A stored part read back from a checkpoint. */
	CompletedPart part(int number, String etag, @Nullable String value) {
		CompletedPart.Builder builder = CompletedPart.builder().partNumber(number).eTag(etag);
		return switch (this.checksum) {
			case CRC32C -> builder.checksumCRC32C(value).build();
			case CRC32 -> builder.checksumCRC32(value).build();
			case CRC64NVME -> builder.checksumCRC64NVME(value).build();
			case SHA1 -> builder.checksumSHA1(value).build();
			case SHA256 -> builder.checksumSHA256(value).build();
		};
	}

	/** A part just acknowledged, with whatever checksum the store returned. */
	static CompletedPart part(int number, UploadPartResponse response) {
		return CompletedPart.builder()
			.partNumber(number)
			.eTag(response.eTag())
			.checksumCRC32(response.checksumCRC32())
			.checksumCRC32C(response.checksumCRC32C())
			.checksumCRC64NVME(response.checksumCRC64NVME())
			.checksumSHA1(response.checksumSHA1())
			.checksumSHA256(response.checksumSHA256())
			.build();
	}

}
