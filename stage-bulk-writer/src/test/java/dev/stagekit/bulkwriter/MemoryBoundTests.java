package dev.stagekit.bulkwriter;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory is bounded by the file and row-group sizes, not the row count: a child JVM with a 128 MiB heap
 * and no Hadoop on its class path writes 200,000 rows of 768-dim float vectors (about 600 MB of Parquet).
 */
class MemoryBoundTests {

	@TempDir
	Path temp;

	@Test
	void twoHundredThousandVectorRowsFitIn128MiBWithoutHadoop() throws Exception {
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.contains("hadoop-client"))
			.collect(Collectors.joining(File.pathSeparator));
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process child = new ProcessBuilder(List.of(java.toString(), "-Xmx128m", "-XX:+UseSerialGC", "-cp", classPath,
				MemoryChild.class.getName(), "200000", this.temp.toString()))
			.redirectErrorStream(true)
			.start();
		String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(child.exitValue()).as(output).isZero();
		Matcher matcher = Pattern.compile("rows=(\\d+) files=(\\d+) bytes=(\\d+) peakHeap=(\\d+)").matcher(output);
		assertThat(matcher.find()).as(output).isTrue();
		assertThat(Long.parseLong(matcher.group(1))).isEqualTo(200_000);
		assertThat(Integer.parseInt(matcher.group(2))).isGreaterThanOrEqualTo(9);
		assertThat(Long.parseLong(matcher.group(3))).isGreaterThan(600_000_000L);
		System.out.println("Memory child: " + output.lines().filter((line) -> line.startsWith("rows=")).findFirst()
			.orElse(output));
	}

}
