package dev.stagekit.autoconfigure.health;

import java.time.Duration;

import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.control.ListVolumesRequest;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Checks that the Zilliz Cloud control plane answers with the configured API key: one volume-list call for a
 * single item, with a short timeout. Unknown when no project is configured (the call needs one).
 *
 * @since 0.1.0
 */
public class ZillizCloudHealthIndicator extends AbstractReactiveHealthIndicator {

	/** The default time the check may take. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	private final ZillizCloudClients clients;

	private final Duration timeout;

	/**
	 * Create the indicator.
	 * @param clients the clients
	 * @param timeout how long the check may take
	 */
	public ZillizCloudHealthIndicator(ZillizCloudClients clients, Duration timeout) {
		super("Zilliz Cloud health check failed");
		this.clients = clients;
		this.timeout = timeout;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		builder.withDetail("endpoint", this.clients.settings().endpoint().toString());
		if (this.clients.settings().projectId() == null) {
			return Mono.just(builder.unknown().withDetail("reason", "zilliz.cloud.project-id is not set").build());
		}
		return this.clients.reactiveVolumes()
			.listPage(ListVolumesRequest.firstPage().withPage(1, 1))
			.timeout(this.timeout)
			.map((page) -> builder.up().withDetail("volumes", page.count()).build());
	}

}
