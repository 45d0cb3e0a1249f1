package dev.stagekit.client.internal;

import java.io.UncheckedIOException;
import java.time.Duration;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.ZillizCloudException;
import dev.stagekit.client.ZillizCloudInterruptedException;
import dev.stagekit.client.ZillizCloudTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * Blocks on a {@link Mono} and unwraps Reactor's wrapping so callers see the client's own exceptions.
 *
 * <p>Public because the blocking faces of three API packages use it: {@link dev.stagekit.client.BlockingClient}
 * and the upload package's {@code FileManager}; not an API.
 *
 * @since 0.1.0
 */
public final class Blocking {

	private static final Duration MARGIN = Duration.ofSeconds(5);

	private Blocking() {
	}

	/**
	 * The default blocking timeout: response timeout times attempts, plus the largest backoffs and a margin.
	 * @param settings the settings
	 * @return the timeout
	 */
	public static Duration defaultTimeout(ZillizCloudClientSettings settings) {
		int attempts = settings.retry().maxAttempts();
		return settings.responseTimeout()
			.plus(settings.connectTimeout())
			.multipliedBy(attempts)
			.plus(settings.retry().maxBackoff().multipliedBy(attempts - 1L))
			.plus(MARGIN);
	}

	/**
	 * Block for a value.
	 * @param <T> the value type
	 * @param mono the call
	 * @param timeout the timeout
	 * @return the value, or {@code null} if the call completed empty
	 */
	public static <T> @Nullable T block(Mono<T> mono, Duration timeout) {
		// A timeout of its own type, not Reactor's IllegalStateException recognised by its message.
		Mono<T> limited = mono.timeout(timeout, Mono.error(() -> new ZillizCloudTimeoutException(
				"No answer within " + timeout + " while blocking", null)));
		try {
			return limited.block();
		}
		catch (RuntimeException ex) {
			throw unwrap(ex);
		}
	}

	/**
	 * Block for a value that must be present.
	 * @param <T> the value type
	 * @param mono the call
	 * @param timeout the timeout
	 * @return the value
	 */
	public static <T> T blockValue(Mono<T> mono, Duration timeout) {
		T value = block(mono, timeout);
		if (value == null) {
			throw new IllegalStateException("The call completed without a value");
		}
		return value;
	}

	/**
	 * Block without a time limit (for uploads, which take as long as the bytes take) and unwrap errors.
	 * Interrupting the waiting thread cancels the call.
	 * @param <T> the value type
	 * @param mono the call
	 * @return the value
	 */
	public static <T> T await(Mono<T> mono) {
		T value;
		try {
			value = mono.block();
		}
		catch (RuntimeException ex) {
			throw unwrap(ex);
		}
		if (value == null) {
			throw new IllegalStateException("The call completed without a value");
		}
		return value;
	}

	/**
	 * What a blocking call throws for a failure: the client's own exception, never Reactor's wrapper. An
	 * interruption becomes a {@link ZillizCloudInterruptedException} (the interrupt flag is set again); an
	 * I/O failure that escaped as {@link UncheckedIOException} names what could not be read.
	 * @param ex what {@code block()} threw
	 * @return the exception to throw
	 */
	static RuntimeException unwrap(RuntimeException ex) {
		Throwable cause = Exceptions.unwrap(ex);
		if (cause instanceof InterruptedException || Failure.find(ex, InterruptedException.class) != null) {
			Thread.currentThread().interrupt();
			return new ZillizCloudInterruptedException("Interrupted while waiting for the call; it was cancelled "
					+ "(an upload aborts what it started). The thread's interrupt flag is set.", cause);
		}
		if (cause instanceof UncheckedIOException io) {
			return new InvalidRequestException("source", io.getMessage(),
					"cannot be read (" + io.getCause() + "); fix its permissions or remove it");
		}
		if (cause instanceof ZillizCloudException own) {
			return own;
		}
		if (cause instanceof IllegalArgumentException bad) {
			return new InvalidRequestException("argument", null, String.valueOf(bad.getMessage()));
		}
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		return ex;
	}

}
