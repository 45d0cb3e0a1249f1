package dev.stagekit.emulator.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;

import jakarta.servlet.http.HttpServlet;
import org.gaul.s3proxy.BlobStoreLocator;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3ProxyHandler;
import org.gaul.s3proxy.S3ProxyMetrics;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.jspecify.annotations.Nullable;

/**
 * Makes S3Proxy's servlet to host inside the emulator's own Jetty. S3Proxy only offers it packaged
 * with a server of its own; hosting the servlet directly keeps requests unproxied, so the Host
 * header that SigV4 signs arrives untouched. Its class is package-private, hence the reflection
 * (allowed on the class path); the values are S3Proxy's own builder defaults.
 */
final class S3ProxyServlets {

	private static final long MAX_SINGLE_PART_OBJECT_SIZE = 5L << 30;

	private static final long V4_MAX_NON_CHUNKED_REQUEST_SIZE = 128L << 20;

	private static final int V4_MAX_CHUNK_SIZE = 16 << 20;

	private static final int MAXIMUM_TIME_SKEW_SECONDS = 900;

	private S3ProxyServlets() {
	}

	/**
	 * A servlet that checks signatures (SigV2 or SigV4) against the secret {@code locator} finds for
	 * the request's access key, or that checks nothing when {@code locator} is null.
	 */
	static HttpServlet create(BlobStore blobStore, @Nullable BlobStoreLocator locator) {
		try {
			Class<?> type = Class.forName("org.gaul.s3proxy.S3ProxyHandlerJetty");
			Constructor<?> constructor = type.getDeclaredConstructor(BlobStore.class, AuthenticationType.class,
					String.class, String.class, String.class, long.class, long.class, int.class, boolean.class,
					CrossOriginResourceSharing.class, String.class, int.class, S3ProxyMetrics.class);
			constructor.setAccessible(true);
			AuthenticationType authentication = (locator != null) ? AuthenticationType.AWS_V2_OR_V4
					: AuthenticationType.NONE;
			// The identity pair is a placeholder: the locator answers for every real access key.
			HttpServlet servlet = (HttpServlet) constructor.newInstance(blobStore, authentication, "unused", "unused",
					null, MAX_SINGLE_PART_OBJECT_SIZE, V4_MAX_NON_CHUNKED_REQUEST_SIZE, V4_MAX_CHUNK_SIZE, true,
					new CrossOriginResourceSharing(), "", MAXIMUM_TIME_SKEW_SECONDS, null);
			if (locator != null) {
				Method getHandler = type.getDeclaredMethod("getHandler");
				getHandler.setAccessible(true);
				((S3ProxyHandler) getHandler.invoke(servlet)).setBlobStoreLocator(locator);
			}
			return servlet;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("This S3Proxy version does not offer the servlet the emulator hosts", ex);
		}
	}

}
