package dev.stagekit.client.upload.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import dev.stagekit.client.Kind;
import dev.stagekit.client.internal.ApplyResult;
import dev.stagekit.client.upload.SkipPolicy;
import dev.stagekit.client.upload.internal.SourceScanner.SourceFile;
import dev.stagekit.client.upload.internal.SourceScanner.Summary;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Peak heap of the planning step (the skip decision that merges the walk with the listing) for a generated tree
 * of N entries and a generated listing of N stored objects (every other local key stored, equal size, so half is
 * skipped), without files or a store. Lives in the planner's package to reach it; run with
 * {@code UploadBenchmarks --planning [entries...]} under a small {@code -Xmx} to show the bound.
 */
final class PlanningMemory {

	private PlanningMemory() {
	}

	static void run(String[] counts) throws InterruptedException {
		System.out.println("| Entries | Listed objects | Planned | Skipped | Heap before | Peak heap (sampled) | Peak heap (pool peaks) | Seconds |");
		System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
		for (String count : counts) {
			measure(Integer.parseInt(count.replace(",", "").replace("_", "")));
		}
		System.out.println("max heap (-Xmx): " + mib(Runtime.getRuntime().maxMemory()));
	}

	private static void measure(int entries) throws InterruptedException {
		System.gc();
		Thread.sleep(100);
		long before = used();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		AtomicLong peak = new AtomicLong(before);
		AtomicBoolean done = new AtomicBoolean();
		Thread sampler = new Thread(() -> {
			while (!done.get()) {
				peak.accumulateAndGet(used(), Math::max);
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		Instant then = Instant.parse("2026-01-01T00:00:00Z");
		long start = System.nanoTime();
		// Local: f0000000 .. f(N-1); stored: every even key, 2N/2 objects plus interleaved keys with no local file.
		Iterable<SourceFile> local = generated(entries,
				(i) -> new SourceFile(Path.of("unused"), name(i) + ".json", 1, FileTime.from(then)));
		Iterable<S3Object> stored = generated(entries,
				(i) -> S3Object.builder().key("volumes/p/t/" + name((i / 2) * 2) + ((i % 2 == 0) ? ".json" : ".jsonl"))
					.size(1L).lastModified(then).build());
		long[] totals = new long[2];
		new TreePlanner().plan(plan(), local, new Summary(entries, entries, 1), stored).doOnNext((planned) -> {
			totals[0]++;
			if (planned.skip()) {
				totals[1]++;
			}
		}).blockLast();
		double seconds = (System.nanoTime() - start) / 1e9;
		done.set(true);
		sampler.join();
		long poolPeak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				poolPeak += pool.getPeakUsage().getUsed();
			}
		}
		System.out.printf(Locale.ROOT, "| %,d | %,d | %,d | %,d | %s | %s | %s | %.1f |%n", entries, entries, totals[0],
				totals[1], mib(before), mib(peak.get()), mib(poolPeak), seconds);
	}

	private static String name(long i) {
		return "d%03d/f%08d".formatted(i / 10_000, i);
	}

	private static <T> Iterable<T> generated(int count, IntFunction<T> element) {
		return () -> new Iterator<>() {

			private int next;

			@Override
			public boolean hasNext() {
				return this.next < count;
			}

			@Override
			public T next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return element.apply(this.next++);
			}

		};
	}

	private static UploadPlan plan() {
		ApplyResult apply = new ApplyResult(Kind.VOLUME, "v", "volumes/p/", null, "bucket", "localhost", "aws",
				"us-west-2", new ApplyResult.StorageCredentials("ak", "sk", "token", Instant.now().plusSeconds(3600)),
				new ApplyResult.Condition(Long.MAX_VALUE, null));
		StorageSession session = new StorageSession(() -> Mono.error(new IllegalStateException("offline")),
				(result) -> Mono.error(new IllegalStateException("offline")), Duration.ZERO, Clock.systemUTC());
		return new UploadPlan(Kind.VOLUME, "v", "t/", apply, SkipPolicy.SKIP_IF_SAME_SIZE, null, false, session,
				new Cleanups(), new ProgressTracker(0, 0));
	}

	private static long used() {
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private static String mib(long bytes) {
		return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
	}

}
