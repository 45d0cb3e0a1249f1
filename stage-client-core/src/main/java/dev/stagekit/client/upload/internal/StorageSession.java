package dev.stagekit.client.upload.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.stagekit.client.internal.ApplyResult;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * The temporary credentials of one upload, each set leased with the engine's client for its endpoint
 * (whose requests then carry them). Renews them ahead of expiry (by the refresh margin, at most half their
 * lifetime) and on demand after the store rejects them; concurrent renewals are coalesced into one
 * {@code apply}. A request in flight keeps the lease it started with; the next attempt takes the current one.
 * The clients belong to the engine: closing a session closes none of them.
 */
final class StorageSession implements AutoCloseable {

	private final Supplier<Mono<ApplyResult>> applier;

	private final Function<ApplyResult, Mono<Lease>> connector;

	private final Duration margin;

	private final Clock clock;

	private final Object monitor = new Object();

	private volatile @Nullable Lease current;

	private @Nullable Mono<Lease> renewal;

	private int generation;

	StorageSession(Supplier<Mono<ApplyResult>> applier, Function<ApplyResult, Mono<Lease>> connector,
			Duration margin, Clock clock) {
		this.applier = applier;
		this.connector = connector;
		this.margin = margin;
		this.clock = clock;
	}

	/**
	 * Return usable credentials, renewing them first when they are about to expire.
	 * @return the lease
	 */
	Mono<Lease> lease() {
		Lease lease = this.current;
		if (lease == null) {
			return renew(-1);
		}
		return isFresh(lease) ? Mono.just(lease) : renew(lease.generation());
	}

	/**
	 * Renew the credentials unless a renewal already replaced the given generation.
	 * @param stale the generation found wanting, or -1 for the first
	 * @return the new (or already renewed) lease
	 */
	Mono<Lease> renew(int stale) {
		synchronized (this.monitor) {
			Lease lease = this.current;
			if (lease != null && lease.generation() != stale) {
				return Mono.just(lease);
			}
			if (this.renewal == null) {
				int next = ++this.generation;
				this.renewal = this.applier.get()
					.flatMap(this.connector)
					.map((connected) -> connected.withGeneration(next, this.clock.instant()))
					.doOnNext(this::install)
					.doFinally((signal) -> {
						synchronized (this.monitor) {
							this.renewal = null;
						}
					})
					.cache();
			}
			return this.renewal;
		}
	}

	private void install(Lease lease) {
		this.current = lease;
	}

	private boolean isFresh(Lease lease) {
		Instant expiry = lease.apply().credentials().expireTime();
		Duration lifetime = Duration.between(lease.obtained(), expiry);
		Duration effective = this.margin.compareTo(lifetime.dividedBy(2)) < 0 ? this.margin : lifetime.dividedBy(2);
		return this.clock.instant().plus(effective).isBefore(expiry);
	}

	@Override
	public void close() {
		// Nothing to release: the leases' clients are the engine's.
	}

	/**
	 * Credentials with the client that uses them.
	 *
	 * @param apply the apply answer
	 * @param endpoint the resolved endpoint
	 * @param client the engine's S3 client for the endpoint, sending these credentials
	 * @param generation increases with every renewal
	 * @param obtained when the credentials arrived
	 */
	record Lease(ApplyResult apply, StorageEndpoint endpoint, S3AsyncClient client, int generation,
			Instant obtained) {

		Lease withGeneration(int generation, Instant obtained) {
			return new Lease(this.apply, this.endpoint, this.client, generation, obtained);
		}

	}

}
