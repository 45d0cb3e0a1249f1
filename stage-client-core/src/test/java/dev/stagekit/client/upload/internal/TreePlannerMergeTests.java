package dev.stagekit.client.upload.internal;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.stagekit.client.Kind;
import dev.stagekit.client.internal.ApplyResult;
import dev.stagekit.client.upload.SkipPolicy;
import dev.stagekit.client.upload.internal.SourceScanner.SourceFile;
import dev.stagekit.client.upload.internal.SourceScanner.Summary;
import dev.stagekit.client.upload.internal.TreePlanner.PlannedFile;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The skip decision as a merge of the walk and a listing in S3's order, without a store: S3's UTF-8 byte order
 * (which {@link String#compareTo} does not follow), the size-and-mtime rule, and a listing read no further
 * than the last local key.
 */
class TreePlannerMergeTests {

	static UploadPlan plan(SkipPolicy policy) {
		ApplyResult apply = new ApplyResult(Kind.VOLUME, "v", "volumes/p/", null, "bucket", "localhost", "aws",
				"us-west-2", new ApplyResult.StorageCredentials("ak", "sk", "token", Instant.now().plusSeconds(3600)),
				new ApplyResult.Condition(Long.MAX_VALUE, null));
		StorageSession session = new StorageSession(() -> Mono.error(new IllegalStateException("offline")),
				(result) -> Mono.error(new IllegalStateException("offline")), Duration.ZERO, Clock.systemUTC());
		return new UploadPlan(Kind.VOLUME, "v", "t/", apply, policy, null, false, session, new Cleanups(),
				new ProgressTracker(0, 0));
	}

	static SourceFile file(String relativePath, long size, Instant modified) {
		return new SourceFile(Path.of("unused"), relativePath, size, FileTime.from(modified));
	}

	static S3Object object(String path, Long size, Instant modified) {
		return S3Object.builder().key("volumes/p/t/" + path).size(size).lastModified(modified).build();
	}

	@Test
	void keyOrderShouldBeUtf8ByteOrderNotUtf16() {
		String emoji = "a\uD83D\uDE00";
		String fullwidth = "a\uFF21";
		assertThat(emoji.compareTo(fullwidth)).isNegative();
		assertThat(KeyOrder.compare(emoji, fullwidth)).isPositive();
		assertThat(KeyOrder.compare("a-b", "a/")).isNegative();
		assertThat(KeyOrder.compare("a", "a/")).isNegative();
		assertThat(KeyOrder.compare("\u00E9", "\u00E9")).isZero();
	}

	@Test
	void mergeShouldMatchKeysOutsideTheBmpInS3Order() {
		Instant then = Instant.parse("2026-01-01T00:00:00Z");
		List<SourceFile> local = List.of(file("a-b.json", 1, then), file("a/x.json", 1, then),
				file("a\uFF21.json", 1, then), file("a\uD83D\uDE00.json", 1, then));
		List<S3Object> stored = List.of(object("a-b.json", 1L, then), object("a/x.json", 1L, then),
				object("a\uFF21.json", 1L, then), object("a\uD83D\uDE00.json", 1L, then));
		List<PlannedFile> planned = new TreePlanner()
			.plan(plan(SkipPolicy.SKIP_IF_EXISTS), local, new Summary(4, 4, 1), stored)
			.collectList()
			.block();
		assertThat(planned).extracting(PlannedFile::skip).containsExactly(true, true, true, true);
	}

	@Test
	void sizeAndMtimeShouldNeedEqualSizesAndALocalTimeNotAfterTheObject() {
		Instant stored = Instant.parse("2026-01-01T00:00:00.500Z");
		List<SourceFile> local = List.of(file("a", 1, stored), file("b", 1, stored.plusMillis(1)), file("c", 2, stored),
				file("d", 0, stored), file("e", 0, stored));
		List<S3Object> remote = List.of(object("a", 1L, stored), object("b", 1L, stored), object("c", 1L, stored),
				object("d", null, stored), object("e", 0L, stored));
		assertThat(new TreePlanner().plan(plan(SkipPolicy.SKIP_IF_SAME_SIZE_AND_MTIME), local, new Summary(5, 4, 2),
				remote)
			.map(PlannedFile::skip)
			.collectList()
			.block()).containsExactly(true, false, false, false, true);
	}

	@Test
	void mergeShouldStopReadingTheListingAfterTheLastLocalKey() {
		Instant then = Instant.parse("2026-01-01T00:00:00Z");
		AtomicInteger read = new AtomicInteger();
		Iterable<S3Object> listing = () -> new Iterator<>() {

			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public S3Object next() {
				return object("f%07d".formatted(read.getAndIncrement()), 1L, then);
			}

		};
		List<SourceFile> local = new ArrayList<>();
		for (int i = 0; i < 10; i += 2) {
			local.add(file("f%07d".formatted(i), 1, then));
		}
		List<Boolean> skips = new TreePlanner().plan(plan(SkipPolicy.SKIP_IF_SAME_SIZE), local, new Summary(5, 5, 1),
				listing)
			.map(PlannedFile::skip)
			.collectList()
			.block();
		assertThat(skips).containsOnly(true).hasSize(5);
		assertThat(read.get()).isEqualTo(9);
	}

}
