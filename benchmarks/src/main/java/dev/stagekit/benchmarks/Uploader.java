package dev.stagekit.benchmarks;

/** One way of uploading a workload's files; the benchmark times {@link #upload} and reads the JVM's CPU around it. */
interface Uploader extends AutoCloseable {

	/** Short name, for progress lines and options. */
	String id();

	/** What the report calls it. */
	String label();

	/** Files at once × parts at once, as the report shows it. */
	String concurrency();

	/** Whether every upload makes its own {@code apply} (the benchmark then checks it made exactly one). */
	boolean appliesPerUpload();

	/** Whether this is an experimental variant, not a client anyone ships. */
	default boolean prototype() {
		return false;
	}

	/**
	 * Upload every file of the workload under the target directory and check that all arrived.
	 * @param workload the files
	 * @param target the target directory in the volume, ending with {@code /}
	 * @throws Exception if any file failed
	 */
	void upload(Workload workload, String target) throws Exception;

	@Override
	void close();

}
