package dev.stagekit.client.upload.internal;

import dev.stagekit.client.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PartSizesTests {

	private static final long MIB = 1024L * 1024L;

	private static final long GIB = 1024L * MIB;

	@Test
	void chooseWhenAutomaticShouldMatchContractExamples() {
		assertThat(PartSizes.choose(0, null)).isEqualTo(5 * MIB);
		// the contract's "<= 5 GiB -> 5 MiB" is approximate: the formula's exact boundary is 1000 x 5 MiB
		assertThat(PartSizes.choose(1000 * 5 * MIB, null)).isEqualTo(5 * MIB);
		assertThat(PartSizes.choose(1000 * 5 * MIB + 1, null)).isEqualTo(6 * MIB);
		assertThat(PartSizes.choose(5 * GIB, null)).isEqualTo(6 * MIB);
		assertThat(PartSizes.choose(10 * GIB, null)).isEqualTo(11 * MIB);
		assertThat(PartSizes.choose(100 * GIB, null)).isEqualTo(103 * MIB);
	}

	@Test
	void chooseWhenRequestedAtLimitsShouldAccept() {
		assertThat(PartSizes.choose(GIB, 5 * MIB)).isEqualTo(5 * MIB);
		assertThat(PartSizes.choose(10_000 * 5 * MIB, 5 * MIB)).isEqualTo(5 * MIB);
		assertThat(PartSizes.partCount(10_000 * 5 * MIB, 5 * MIB)).isEqualTo(10_000);
	}

	@Test
	void chooseWhenBelowMinimumShouldThrow() {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> PartSizes.choose(100, 4194304L))
			.withMessageContaining("part size 4194304 bytes is below the 5 MiB (5242880 bytes) S3 minimum");
	}

	@Test
	void chooseWhenTooManyPartsShouldThrow() {
		long size = 10_000 * 5 * MIB + 1;
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> PartSizes.choose(size, 5 * MIB))
			.withMessageContaining("it would take 10001 parts, more than S3's 10,000");
	}

	@Test
	void chooseWhenAboveMaximumShouldThrow() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> PartSizes.choose(GIB, 5 * GIB + 1))
			.withMessageContaining("S3 maximum");
	}

}
