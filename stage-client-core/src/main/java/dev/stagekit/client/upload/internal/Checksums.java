package dev.stagekit.client.upload.internal;

import dev.stagekit.client.upload.UploadChecksum;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The one mapping of {@link UploadChecksum} onto the SDK: the algorithm a request declares, the SDK's
 * implementation of it (for a checksum computed ahead), and where a checksum sits in {@link CompletedPart}
 * and {@link PutObjectRequest}.
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

	/** A fresh checksum of this algorithm, the SDK's own implementation (the one its trailers use). */
	SdkChecksum newChecksum() {
		return SdkChecksum.forAlgorithm(switch (this.checksum) {
			case CRC32C -> DefaultChecksumAlgorithm.CRC32C;
			case CRC32 -> DefaultChecksumAlgorithm.CRC32;
			case CRC64NVME -> DefaultChecksumAlgorithm.CRC64NVME;
			case SHA1 -> DefaultChecksumAlgorithm.SHA1;
			case SHA256 -> DefaultChecksumAlgorithm.SHA256;
		});
	}

	/**
	 * Send a checksum computed ahead in its header ({@code x-amz-checksum-crc32c} and the like).
	 * @param put the request
	 * @param value the Base64 checksum
	 * @return the request
	 */
	PutObjectRequest.Builder header(PutObjectRequest.Builder put, String value) {
		return switch (this.checksum) {
			case CRC32C -> put.checksumCRC32C(value);
			case CRC32 -> put.checksumCRC32(value);
			case CRC64NVME -> put.checksumCRC64NVME(value);
			case SHA1 -> put.checksumSHA1(value);
			case SHA256 -> put.checksumSHA256(value);
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
