package dev.stagekit.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The parts of the harness that decide what is measured. */
class HarnessTests {

	private static final long MIB = 1024L * 1024L;

	@Test
	void officialPartSizeShouldFollowTheSdkFormula() {
		// Contract 3.4: at least 5 MiB, about 1,000 parts, whole MiB.
		assertThat(MinioUploader.partSize(0)).isEqualTo(5 * MIB);
		assertThat(MinioUploader.partSize(64 * 1024)).isEqualTo(5 * MIB);
		assertThat(MinioUploader.partSize(256 * MIB)).isEqualTo(5 * MIB);
		assertThat(MinioUploader.partSize(5000 * MIB)).isEqualTo(5 * MIB);
		assertThat(MinioUploader.partSize(5000 * MIB + 1)).isEqualTo(6 * MIB);
		assertThat(MinioUploader.partSize(10 * 1024 * MIB)).isEqualTo(11 * MIB);
		assertThat(MinioUploader.partSize(100 * 1024 * MIB)).isEqualTo(103 * MIB);
	}

	@Test
	void quickShouldShrinkTheRunAndLaterOptionsShouldWin() {
		Options quick = Options.parse(new String[] { "--quick", "--runs=3" });
		assertThat(quick.runs).isEqualTo(3);
		assertThat(quick.manyCount).isEqualTo(1000);
		assertThat(quick.largeMib).isEqualTo(64);
		Options full = Options.parse(new String[0]);
		assertThat(full.plainHttp).isFalse();
		assertThat(full.runs).isEqualTo(5);
		assertThat(full.smallCount).isEqualTo(500);
		assertThat(full.manyCount).isEqualTo(5000);
		assertThat(full.largeMib).isEqualTo(256);
		assertThat(full.memoryMib).containsExactly(256, 2048);
		assertThat(Options.parse(new String[] { "--plain-http" }).plainHttp).isTrue();
	}

	@Test
	void unknownWorkloadShouldBeNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] { "--workloads=small,huge" }))
			.withMessageContaining("'huge'");
	}

	@Test
	void statsShouldTakeTheMedianOfOddAndEvenCounts() {
		assertThat(Report.Stats.of(List.of(3.0, 1.0, 2.0))).isEqualTo(new Report.Stats(2.0, 1.0, 3.0));
		assertThat(Report.Stats.of(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(new Report.Stats(2.5, 1.0, 4.0));
	}

	@Test
	void bareHostAndPortShouldMeanHttps() {
		EmulatorProcess.Apply apply = new EmulatorProcess.Apply("127.0.0.1:9443", "b", "p", "", "access-key", "secret-key", "session-token");
		assertThat(apply.uri().toString()).isEqualTo("https://127.0.0.1:9443");
		assertThat(apply.signingRegion()).isEqualTo("us-east-1");
		assertThat(apply.keyPrefix()).isEqualTo("p/");
		assertThat(new EmulatorProcess.Apply("http://127.0.0.1:9000", "b", "p/", "r", "a", "s", "t").uri().getScheme())
			.isEqualTo("http");
		assertThat(apply.toString()).doesNotContain("secret-key", "session-token");
	}

}
