package dev.stagekit.emulator.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts requests per endpoint (control plane: {@code "POST /v2/volumes/apply"}, with path
 * templates such as {@code "GET /v2/volumes/{name}"}; data plane: {@code "s3:UploadPart"}) and the
 * request-body bytes the data plane received.
 */
public final class RequestCounters {

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	private final LongAdder dataPlaneBytes = new LongAdder();

	public void increment(String endpoint) {
		this.counts.computeIfAbsent(endpoint, (key) -> new LongAdder()).increment();
	}

	public long count(String endpoint) {
		LongAdder adder = this.counts.get(endpoint);
		return (adder != null) ? adder.sum() : 0;
	}

	/** Every endpoint seen so far with its count, sorted by endpoint. */
	public Map<String, Long> snapshot() {
		Map<String, Long> snapshot = new TreeMap<>();
		this.counts.forEach((endpoint, adder) -> snapshot.put(endpoint, adder.sum()));
		return snapshot;
	}

	public void addDataPlaneBytes(long bytes) {
		this.dataPlaneBytes.add(bytes);
	}

	public long dataPlaneBytes() {
		return this.dataPlaneBytes.sum();
	}

	public void reset() {
		this.counts.clear();
		this.dataPlaneBytes.reset();
	}

}
