package dev.stagekit.client.upload.internal;

/**
 * Entry point of the planning-memory workload for {@code dev.stagekit.benchmarks.UploadBenchmarks}.
 */
public final class PlanningBenchmark {

	private PlanningBenchmark() {
	}

	/**
	 * Measure the planning step for each entry count.
	 * @param counts the entry counts, e.g. {@code 1000 1000000}
	 * @throws InterruptedException if interrupted
	 */
	public static void run(String[] counts) throws InterruptedException {
		PlanningMemory.run((counts.length > 0) ? counts : new String[] { "1000", "1000000" });
	}

}
