package dev.stagekit.client.upload.internal;

import java.time.Duration;
import java.util.function.BiFunction;

import dev.stagekit.client.Kind;
import dev.stagekit.client.internal.ControlPlane;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Credentials sessions: one {@code apply} per upload (or per batch of uploads, or per listing), renewed as the
 * session needs; a session closes once the aborts it started are done, and aborts started by a cancellation
 * are awaited when the engine closes.
 */
final class UploadSessions {

	private final ControlPlane controlPlane;

	private final StorageClients clients;

	private final Cleanups cancelled = new Cleanups();

	UploadSessions(ControlPlane controlPlane, StorageClients clients) {
		this.controlPlane = controlPlane;
		this.clients = clients;
	}

	/** Run one piece of work in its own session. */
	<R> Mono<R> one(Kind kind, String name, String target, BiFunction<StorageSession, Cleanups, Mono<R>> body) {
		return many(kind, name, target, body).singleOrEmpty();
	}

	/** Run work that emits several results in one session. */
	<T> Flux<T> many(Kind kind, String name, String target,
			BiFunction<StorageSession, Cleanups, ? extends Publisher<T>> body) {
		return Flux.usingWhen(Mono.fromSupplier(() -> new Scope(
				this.clients.session(() -> this.controlPlane.apply(kind, name, target)), new Cleanups())),
				(scope) -> body.apply(scope.session(), scope.local()), Scope::close, (scope, error) -> scope.close(),
				(scope) -> {
					this.cancelled.start(scope.close());
					return Mono.empty();
				});
	}

	/** Wait for the aborts that cancellations started. */
	void awaitCancelled(Duration timeout) {
		this.cancelled.awaitAll(timeout);
	}

	/** The session of one upload and the aborts it started. */
	private record Scope(StorageSession session, Cleanups local) {

		Mono<Void> close() {
			return this.local.awaitAll().then(Mono.fromRunnable(this.session::close));
		}

	}

}
