package dev.stagekit.client.upload.internal;

import java.net.URI;
import java.util.Locale;
import java.util.function.Function;

import dev.stagekit.client.internal.ApplyResult;
import dev.stagekit.client.upload.ConnectType;
import reactor.core.publisher.Mono;

/**
 * Where and how to reach the object store named by an {@code apply} answer (contract 3.1 and 3.2).
 *
 * @param uri the endpoint URI (HTTPS unless the answer carries {@code http://})
 * @param pathStyle whether to address the bucket in the path rather than the host name
 * @param region the signing region
 * @param bearer whether to send the session token as an OAuth bearer token instead of signing (GCP)
 */
record StorageEndpoint(URI uri, boolean pathStyle, String region, boolean bearer) {

	private static final String DEFAULT_REGION = "us-east-1";

	/**
	 * Resolve the endpoint of an apply answer.
	 * @param apply the answer
	 * @param connectType the Alibaba Cloud endpoint choice
	 * @param probe answers the HTTP status of {@code HEAD https://<host>/}, or an error if unreachable
	 * @return the endpoint
	 */
	static Mono<StorageEndpoint> resolve(ApplyResult apply, ConnectType connectType,
			Function<String, Mono<Integer>> probe) {
		String cloud = apply.cloud().toLowerCase(Locale.ROOT);
		String region = apply.region().isBlank() ? DEFAULT_REGION : apply.region();
		boolean bearer = cloud.equals("gcp") && !apply.credentials().sessionToken().isEmpty();
		if (isAlibaba(cloud)) {
			return ossHost(apply.region(), connectType, probe)
				.map((host) -> new StorageEndpoint(URI.create("https://" + host), false, region, false));
		}
		URI uri = uri(apply.endpoint());
		boolean virtual = isVirtualHostCloud(cloud) || isVirtualHostDomain(uri.getHost());
		return Mono.just(new StorageEndpoint(uri, !virtual, region, bearer));
	}

	/**
	 * The URI of an endpoint given as a bare host, as {@code host:port}, or as a URL with its scheme
	 * ({@code https://host:port}); HTTPS unless the answer says {@code http://}.
	 */
	static URI uri(String endpoint) {
		String trimmed = endpoint.trim();
		String lower = trimmed.toLowerCase(Locale.ROOT);
		String scheme = lower.startsWith("http://") ? "http://" : "https://";
		String rest = (lower.startsWith("http://") || lower.startsWith("https://"))
				? trimmed.substring(trimmed.indexOf("://") + 3) : trimmed;
		URI uri = URI.create(scheme + rest);
		if (uri.getHost() == null) {
			throw new IllegalArgumentException("The storage endpoint '" + endpoint + "' names no host");
		}
		return uri;
	}

	static boolean isVirtualHostDomain(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		return lower.endsWith(".amazonaws.com") || lower.endsWith(".amazonaws.com.cn")
				|| lower.equals("amazonaws.com") || lower.endsWith("aliyuncs.com");
	}

	private static boolean isVirtualHostCloud(String cloud) {
		return cloud.equals("tc") || cloud.equals("tencent");
	}

	private static boolean isAlibaba(String cloud) {
		return cloud.equals("ali") || cloud.equals("aliyun") || cloud.equals("alibaba") || cloud.equals("alicloud");
	}

	private static Mono<String> ossHost(String region, ConnectType connectType, Function<String, Mono<Integer>> probe) {
		String internal = "oss-" + region + "-internal.aliyuncs.com";
		String external = "oss-" + region + ".aliyuncs.com";
		return switch (connectType) {
			// A forced endpoint is probed only to fail early when it cannot be reached at all.
			case INTERNAL -> probe.apply(internal).thenReturn(internal);
			case PUBLIC -> probe.apply(external).thenReturn(external);
			case AUTO -> probe.apply(internal)
				.map((status) -> status >= 200 && status < 400)
				.onErrorReturn(false)
				.flatMap((reachable) -> reachable ? Mono.just(internal) : probe.apply(external).thenReturn(external));
		};
	}

}
