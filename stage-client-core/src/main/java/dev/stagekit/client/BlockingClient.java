package dev.stagekit.client;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.stagekit.client.internal.Blocking;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one blocking adapter behind every blocking face ({@code StageManager}, {@code VolumeManager},
 * {@code ImportJobs}, {@code MergeJobs}): it calls the reactive face, waits at most for the timeout and
 * throws the client's own unchecked {@link ZillizCloudException}s, never Reactor's wrappers.
 *
 * @param <R> the reactive face
 * @param <B> the blocking face itself
 * @since 0.1.0
 */
public abstract class BlockingClient<R, B extends BlockingClient<R, B>> {

	private final R reactive;

	private final Duration timeout;

	private final BiFunction<R, Duration, B> copy;

	/**
	 * Wrap a reactive face.
	 * @param reactive the reactive face
	 * @param timeout the longest time to block per call
	 * @param copy creates the same face with another timeout (its constructor)
	 */
	protected BlockingClient(R reactive, Duration timeout, BiFunction<R, Duration, B> copy) {
		this.reactive = reactive;
		this.timeout = InvalidSettingException.positive("timeout", timeout);
		this.copy = copy;
	}

	/**
	 * Return a copy blocking at most for another timeout.
	 * @param timeout the timeout
	 * @return a new face
	 */
	public final B withTimeout(Duration timeout) {
		return this.copy.apply(this.reactive, timeout);
	}

	/**
	 * Return the reactive face behind this one.
	 * @return the reactive face
	 */
	public final R reactive() {
		return this.reactive;
	}

	/**
	 * Return the blocking timeout.
	 * @return the timeout
	 */
	public final Duration timeout() {
		return this.timeout;
	}

	/**
	 * Run a call that completes without a value.
	 * @param call the call on the reactive face
	 */
	protected final void run(Function<R, Mono<Void>> call) {
		Blocking.block(call.apply(this.reactive), this.timeout);
	}

	/**
	 * Run a call that answers one value.
	 * @param <T> the value type
	 * @param call the call on the reactive face
	 * @return the value
	 */
	protected final <T> T get(Function<R, Mono<T>> call) {
		return within(this.timeout, call);
	}

	/**
	 * Run a call that answers one value, waiting at most for another time than the timeout.
	 * @param <T> the value type
	 * @param maxWait the longest wait
	 * @param call the call on the reactive face
	 * @return the value
	 */
	protected final <T> T within(Duration maxWait, Function<R, Mono<T>> call) {
		return Blocking.blockValue(call.apply(this.reactive), maxWait);
	}

	/**
	 * Run a call that answers a stream, collected into a list.
	 * @param <T> the item type
	 * @param call the call on the reactive face
	 * @return the items
	 */
	protected final <T> List<T> list(Function<R, Flux<T>> call) {
		return get((reactive) -> call.apply(reactive).collectList());
	}

}
