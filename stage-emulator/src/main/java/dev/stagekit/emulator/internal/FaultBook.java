package dev.stagekit.emulator.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Injected faults waiting for matching requests, in the order they were injected. Each fault first
 * lets {@code skip} matching requests through, then hits the next {@code times} ones.
 *
 * @param <F> the fault type
 */
public final class FaultBook<F> {

	private final List<Entry<F>> entries = new ArrayList<>();

	public synchronized void add(F fault, int skip, int times) {
		this.entries.add(new Entry<>(fault, skip, times));
	}

	/**
	 * The fault that hits this request, if any: the first pending fault it matches. A request that
	 * matches a fault still skipping is counted against that skip and passes.
	 */
	public synchronized @Nullable F next(Predicate<F> matches) {
		Iterator<Entry<F>> iterator = this.entries.iterator();
		while (iterator.hasNext()) {
			Entry<F> entry = iterator.next();
			if (!matches.test(entry.fault)) {
				continue;
			}
			if (entry.skip > 0) {
				entry.skip--;
				return null;
			}
			if (--entry.times == 0) {
				iterator.remove();
			}
			return entry.fault;
		}
		return null;
	}

	public synchronized void clear() {
		this.entries.clear();
	}

	public synchronized int pending() {
		return this.entries.size();
	}

	private static final class Entry<F> {

		private final F fault;

		private int skip;

		private int times;

		Entry(F fault, int skip, int times) {
			this.fault = fault;
			this.skip = skip;
			this.times = times;
		}

	}

}
