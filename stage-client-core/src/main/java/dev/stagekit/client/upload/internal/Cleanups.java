package dev.stagekit.client.upload.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/**
 * Clean-up work (aborting multipart uploads) that runs after a cancellation, when nobody waits for it.
 * Tracked so that a failed upload reports its error only once its aborts are done, and so that closing
 * the engine waits for them instead of leaving orphaned parts.
 */
final class Cleanups {

	private final Set<Mono<Void>> pending = ConcurrentHashMap.newKeySet();

	/**
	 * Start clean-up work now and track it until it ends.
	 * @param work the work
	 */
	void start(Mono<Void> work) {
		Mono<Void> running = work.onErrorResume((ex) -> Mono.empty()).cache();
		this.pending.add(running);
		running.doFinally((signal) -> this.pending.remove(running)).subscribe();
	}

	/**
	 * Wait for the work started so far.
	 * @return completes when all of it ended
	 */
	Mono<Void> awaitAll() {
		return Mono.defer(() -> Mono.when(Set.copyOf(this.pending)));
	}

	/**
	 * Wait for the work started so far, at most for a while.
	 * @param timeout the longest wait
	 */
	void awaitAll(Duration timeout) {
		awaitAll().onErrorResume((ex) -> Mono.empty()).block(timeout);
	}

}
