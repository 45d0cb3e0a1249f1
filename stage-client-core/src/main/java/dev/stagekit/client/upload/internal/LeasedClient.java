package dev.stagekit.client.upload.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * The engine's shared S3 client as one lease sees it: every request it sends carries the lease's credentials
 * (or bearer token) in its request override configuration, the SDK's per-request form, merged into whatever
 * override the request already has. Closing it closes nothing: the shared client belongs to
 * {@link StorageClients}. Any S3 operation works through it, so callers stay written against
 * {@link S3AsyncClient}.
 */
final class LeasedClient implements InvocationHandler {

	private final S3AsyncClient shared;

	private final AwsRequestOverrideConfiguration credentials;

	private LeasedClient(S3AsyncClient shared, AwsRequestOverrideConfiguration credentials) {
		this.shared = shared;
		this.credentials = credentials;
	}

	static S3AsyncClient of(S3AsyncClient shared, AwsRequestOverrideConfiguration credentials) {
		return (S3AsyncClient) Proxy.newProxyInstance(S3AsyncClient.class.getClassLoader(),
				new Class<?>[] { S3AsyncClient.class }, new LeasedClient(shared, credentials));
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] args) throws Throwable {
		switch (method.getName()) {
			case "close":
				return null;
			case "toString":
				return "LeasedClient[" + this.shared.serviceName() + "]";
			case "hashCode":
				return System.identityHashCode(proxy);
			case "equals":
				return args != null && proxy == args[0];
			default:
		}
		if (args != null && args.length > 0 && args[0] instanceof Consumer<?> && method.isDefault()) {
			// The builder form builds the request and calls the request form, on this proxy again.
			return InvocationHandler.invokeDefault(proxy, method, args);
		}
		if (args != null && args.length > 0 && args[0] instanceof AwsRequest request) {
			args[0] = withCredentials(request);
		}
		try {
			return method.invoke(this.shared, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private AwsRequest withCredentials(AwsRequest request) {
		AwsRequestOverrideConfiguration override = request.overrideConfiguration()
			.map((configured) -> {
				AwsRequestOverrideConfiguration.Builder merged = configured.toBuilder();
				this.credentials.credentialsIdentityProvider().ifPresent(merged::credentialsProvider);
				this.credentials.headers().forEach(merged::putHeader);
				return merged.build();
			})
			.orElse(this.credentials);
		return ((AwsRequest.Builder) request.toBuilder()).overrideConfiguration(override).build();
	}

}
