package dev.stagekit.emulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.channels.NetworkChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stagekit.emulator.DataPlaneFault;
import dev.stagekit.emulator.EmulatorSettings;
import dev.stagekit.emulator.internal.SessionRegistry.Session;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.ee10.proxy.ProxyServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.URIUtil;
import org.gaul.s3proxy.AccessGrant;
import org.gaul.s3proxy.S3ErrorCode;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.S3ProxyException;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * The S3 data plane: a front that does what S3Proxy cannot, forwarding what it lets through to
 * S3Proxy, which runs through its public builder on a loopback port of its own. The front accepts
 * only the temporary credentials {@code apply} issued (the access key, its secret and its session
 * token must belong to one unexpired session), keeps every request inside the session's bucket and
 * key prefix, refuses keys S3 refuses (longer than 1,024 bytes) and keys S3Proxy's stores cannot
 * hold as literal text ({@code .} and {@code ..} segments), injects faults, checks the trailing checksums of {@code aws-chunked} bodies
 * (which S3Proxy 4.1.0 never reads; see {@link AwsChunkedBody}), and counts operations and body
 * bytes. It forwards the request line, headers and body exactly as received (the Host header and
 * the path are part of the signature S3Proxy checks), without normalising the path. S3Proxy's own
 * port listens on 127.0.0.1 only and checks signatures, not scopes: the scopes are the front's.
 */
public final class DataPlane implements AutoCloseable {

	/** The largest body read (and dropped) before a refusal. */
	private static final long MAX_DRAINED_BODY = 1L << 20;

	/** S3's limit on the UTF-8 length of an object key. */
	static final int MAX_KEY_BYTES = 1024;

	private static final Pattern SIGV4_CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");

	private static final Pattern SIGV2 = Pattern.compile("^AWS ([^:]+):");

	private static final String BACKEND = DataPlane.class.getName() + ".backend";

	private static final String TICKET = DataPlane.class.getName() + ".ticket";

	private static final String KEY = DataPlane.class.getName() + ".key";

	private static final String DROP_ANSWER = DataPlane.class.getName() + ".dropAnswer";

	private final EmulatorSettings settings;

	private final SessionRegistry sessions;

	private final RequestCounters counters;

	private final FaultBook<DataPlaneFault> faults = new FaultBook<>();

	/**
	 * Signed requests the front let through that S3Proxy has not finished, as access key, bucket and
	 * key: S3Proxy's port serves nothing else, so a client that finds it cannot go around the scope
	 * check, and S3Proxy must see the very key the front checked.
	 */
	private final Map<String, Integer> passed = new ConcurrentHashMap<>();

	/** Keys S3Proxy is writing (PutObject, UploadPart) right now, with how many writes each. */
	private final Map<String, Integer> writing = new HashMap<>();

	private final S3Proxy signed;

	private final @Nullable S3Proxy unsigned;

	public DataPlane(EmulatorSettings settings, SessionRegistry sessions, ObjectStore objects,
			RequestCounters counters) {
		this.settings = settings;
		this.sessions = sessions;
		this.counters = counters;
		BlobStore store = tracking(objects.blobStore());
		// S3Proxy verifies each request's signature against the secret of the session its access key names;
		// the identity pair is a random placeholder, as the locator answers for every real access key.
		this.signed = start(S3Proxy.builder()
			.blobStore(store)
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, UUID.randomUUID().toString(),
					UUID.randomUUID().toString()));
		this.signed.setBlobStoreLocator((identity, container, blob) -> this.passed
			.containsKey(ticket(identity, container, blob)) ? sessions.byAccessKey(identity)
				.map((session) -> new AccessGrant(session.secretKey(), store))
				.orElse(null) : null);
		// Bearer-token (gcp) requests are checked here and reach a store that checks no signature.
		this.unsigned = settings.cloud().equals("gcp") ? start(S3Proxy.builder().blobStore(store))
				: null;
	}

	/**
	 * The store as S3Proxy sees it, noting which keys it is writing: a write the front fails (a bad
	 * trailing checksum) is answered only once S3Proxy has given it up and removed what it wrote.
	 */
	private BlobStore tracking(BlobStore store) {
		return (BlobStore) Proxy.newProxyInstance(BlobStore.class.getClassLoader(), new Class<?>[] { BlobStore.class },
				(proxy, method, args) -> {
					String key = switch (method.getName()) {
						case "putBlob" -> ((PutObjectRequest) args[0]).key();
						case "uploadMultipartPart" -> ((UploadPartRequest) args[1]).key();
						default -> null;
					};
					if (key != null) {
						synchronized (this.writing) {
							this.writing.merge(key, 1, Integer::sum);
						}
					}
					try {
						return method.invoke(store, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
					finally {
						if (key != null) {
							synchronized (this.writing) {
								this.writing.computeIfPresent(key, (name, count) -> (count > 1) ? count - 1 : null);
								this.writing.notifyAll();
							}
						}
					}
				});
	}

	/** Waits, at most 10 seconds, until S3Proxy writes nothing under {@code key}. */
	private void awaitWrites(String key) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		synchronized (this.writing) {
			long left;
			while (this.writing.containsKey(key) && (left = deadline - System.nanoTime()) > 0) {
				try {
					TimeUnit.NANOSECONDS.timedWait(this.writing, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private static S3Proxy start(S3Proxy.Builder builder) {
		S3Proxy proxy = builder.endpoint(URI.create("http://127.0.0.1:0"))
			.ignoreUnknownHeaders(true)
			.stopTimeout(0)
			.build();
		try {
			proxy.start();
		}
		catch (Exception ex) {
			throw new IllegalStateException("S3Proxy could not start: " + ex.getMessage(), ex);
		}
		return proxy;
	}

	/** The servlet that serves the data plane, configured to forward to S3Proxy. */
	public ServletHolder servlet() {
		ServletHolder holder = new ServletHolder("data-plane", new Front());
		// Headers go on as they came, Host included: SigV4 signs it.
		holder.setInitParameter("preserveHost", "true");
		// No limit on a whole exchange (a large part may take long), but on silence.
		holder.setInitParameter("timeout", "0");
		holder.setInitParameter("idleTimeout", "300000");
		holder.setInitParameter("maxConnections", "512");
		return holder;
	}

	/** The loopback port of S3Proxy's own server, behind the front; a seam for tests. */
	int storePort() {
		return this.signed.getPort();
	}

	@Override
	public void close() {
		for (S3Proxy proxy : (this.unsigned != null) ? new S3Proxy[] { this.signed, this.unsigned }
				: new S3Proxy[] { this.signed }) {
			try {
				proxy.stop();
			}
			catch (Exception ex) {
				// Stopping; nothing more to release.
			}
		}
	}

	public void inject(DataPlaneFault fault) {
		this.faults.add(fault, fault.skip(), fault.times());
	}

	public void clearFaults() {
		this.faults.clear();
	}

	/**
	 * The front: checks a request and answers it itself (refusals, faults), or forwards it to
	 * S3Proxy with Jetty's proxy servlet.
	 */
	private final class Front extends ProxyServlet {

		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response)
				throws IOException, ServletException {
			String rawPath = request.getRequestURI();
			String path = URIUtil.decodePath(rawPath.startsWith("/") ? rawPath.substring(1) : rawPath);
			int slash = path.indexOf('/');
			String bucket = (slash < 0) ? path : path.substring(0, slash);
			String key = (slash < 0) ? "" : path.substring(slash + 1);
			Map<String, String> query = query(request.getQueryString());
			S3Operation operation = S3Operation.classify(request.getMethod(), bucket, key, query,
					request.getHeader("x-amz-copy-source") != null);
			DataPlane.this.counters.increment("s3:" + operation);
			String resource = "/" + path;

			String authorization = Optional.ofNullable(request.getHeader("Authorization")).orElse("");
			boolean bearer = authorization.regionMatches(true, 0, "Bearer ", 0, 7);
			String token = bearer ? authorization.substring(7).trim()
					: firstNonNull(request.getHeader("x-amz-security-token"), query.get("X-Amz-Security-Token"));
			Session session;
			if (bearer) {
				if (DataPlane.this.unsigned == null) {
					refuse(request, response, 403, "AccessDenied",
							"Bearer tokens are accepted only by gcp storage; sign the request with the issued keys.",
							resource);
					return;
				}
				session = DataPlane.this.sessions.byToken(token).orElse(null);
				if (session == null) {
					refuse(request, response, 403, "InvalidAccessKeyId",
							"The security token included in the request is invalid.", resource);
					return;
				}
			}
			else {
				String accessKey = accessKey(authorization, query);
				if (accessKey == null) {
					refuse(request, response, 403, "AccessDenied", "Anonymous access is forbidden.", resource);
					return;
				}
				session = DataPlane.this.sessions.byAccessKey(accessKey).orElse(null);
				if (session == null) {
					refuse(request, response, 403, "InvalidAccessKeyId",
							"The AWS Access Key Id you provided does not exist in our records.", resource);
					return;
				}
				if (token == null || !token.equals(session.sessionToken())) {
					refuse(request, response, 403, "InvalidAccessKeyId",
							"The security token included in the request is invalid.", resource);
					return;
				}
			}
			if (DataPlane.this.sessions.isExpired(session)) {
				refuse(request, response, 400, "ExpiredToken", "The provided token has expired.", resource);
				return;
			}
			if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
				refuse(request, response, 400, "KeyTooLongError", "Your key is too long: "
						+ key.getBytes(StandardCharsets.UTF_8).length + " bytes of UTF-8, at most " + MAX_KEY_BYTES
						+ " are allowed.", resource);
				return;
			}
			String denied = denial(session, operation, bucket, key, query);
			if (denied != null) {
				refuse(request, response, 403, "AccessDenied", denied, resource);
				return;
			}
			String unstorable = unstorable(key, query.get("prefix"));
			if (unstorable != null) {
				refuse(request, response, 400, "InvalidArgument", unstorable, resource);
				return;
			}

			int partNumber = (operation == S3Operation.UploadPart) ? parseInt(query.get("partNumber")) : 0;
			DataPlaneFault fault = DataPlane.this.faults
				.next((candidate) -> (candidate.operation() == null || candidate.operation().equals(operation.name()))
						&& (candidate.partNumber() == 0 || candidate.partNumber() == partNumber));
			// A CORRUPT fault is not answered here: storage gets the request with one byte of its data flipped.
			boolean corrupt = fault != null && fault.kind() == DataPlaneFault.Kind.CORRUPT;
			boolean dropAnswer = fault != null && fault.kind() == DataPlaneFault.Kind.DROP_ANSWER;
			CountingRequest counted = new CountingRequest(request, DataPlane.this.counters, bearer, corrupt);
			if (dropAnswer) {
				counted.setAttribute(DROP_ANSWER, Boolean.TRUE);
			}
			if (fault != null && !corrupt && !dropAnswer) {
				inflict(fault, counted, response, resource);
				return;
			}
			counted.setAttribute(BACKEND, bearer ? DataPlane.this.unsigned : DataPlane.this.signed);
			if (!bearer) {
				String ticket = ticket(session.accessKeyId(), bucket, key);
				DataPlane.this.passed.merge(ticket, 1, Integer::sum);
				counted.setAttribute(TICKET, ticket);
				counted.setAttribute(KEY, key);
			}
			try {
				super.service(counted, response);
			}
			catch (IOException | ServletException | RuntimeException ex) {
				release(counted);
				throw ex;
			}
		}

		private void release(HttpServletRequest request) {
			Object ticket = request.getAttribute(TICKET);
			if (ticket != null) {
				request.removeAttribute(TICKET);
				DataPlane.this.passed.computeIfPresent((String) ticket, (name, count) -> (count > 1) ? count - 1 : null);
			}
		}

		/** Storage has carried the request out; a lost answer is dropped before its headers go out. */
		@Override
		protected void onServerResponseHeaders(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
				Response serverResponse) {
			if (clientRequest.getAttribute(DROP_ANSWER) != null) {
				abortConnection(clientRequest);
				return;
			}
			super.onServerResponseHeaders(clientRequest, proxyResponse, serverResponse);
		}

		@Override
		protected void onProxyResponseSuccess(HttpServletRequest request, HttpServletResponse response,
				Response serverResponse) {
			release(request);
			super.onProxyResponseSuccess(request, response, serverResponse);
		}

		/**
		 * Answers an error before S3Proxy sees the request. A body of up to 1 MiB is read first, as a
		 * client still sending it (or waiting for {@code 100 Continue}) may otherwise see the
		 * connection close instead of the answer; a larger one is left unread.
		 */
		private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String code,
				String message, String resource) throws IOException {
			if (request.getContentLengthLong() <= MAX_DRAINED_BODY) {
				try {
					skip(request.getInputStream(), MAX_DRAINED_BODY + 1);
				}
				catch (IOException ex) {
					// The client went away or broke off the body; answer all the same.
				}
			}
			S3Errors.send(response, status, code, message, resource);
		}

		/** The S3Proxy URL with the request's path and query exactly as received, never normalised. */
		@Override
		protected @Nullable String rewriteTarget(HttpServletRequest request) {
			S3Proxy backend = (S3Proxy) request.getAttribute(BACKEND);
			String query = request.getQueryString();
			String target = "http://127.0.0.1:" + backend.getPort() + request.getRequestURI()
					+ ((query != null) ? "?" + query : "");
			try {
				URI.create(target);
				return target;
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

		@Override
		protected void onProxyRewriteFailed(HttpServletRequest request, HttpServletResponse response) {
			release(request);
			sendError(request, response, 400, "InvalidURI", "Couldn't parse the specified URI.");
		}

		/** A body of more than 2 GiB announces no int length: go by the long one as well. */
		@Override
		protected boolean hasContent(HttpServletRequest request) {
			return request.getContentLengthLong() > 0 || super.hasContent(request);
		}

		/** No Via or X-Forwarded headers: the request reaches S3Proxy as the client sent it. */
		@Override
		protected void addProxyHeaders(HttpServletRequest request, Request proxyRequest) {
		}

		@Override
		protected Request.Content proxyRequestContent(HttpServletRequest request, HttpServletResponse response,
				Request proxyRequest) throws IOException {
			return new ProxyInputStreamRequestContent(request, response, proxyRequest, request.getInputStream()) {

				// The length as a long: single PUTs may carry up to 5 GiB.
				@Override
				public long getLength() {
					return request.getContentLengthLong();
				}

			};
		}

		/** A body that failed its trailing checksum is answered as S3 does; nothing was stored. */
		@Override
		protected void onProxyResponseFailure(HttpServletRequest request, HttpServletResponse response,
				@Nullable Response serverResponse, Throwable failure) {
			release(request);
			boolean badDigest = false;
			for (Throwable cause = failure; cause != null && !badDigest; cause = cause.getCause()) {
				badDigest = cause instanceof S3ProxyException s3 && s3.getError() == S3ErrorCode.BAD_DIGEST;
			}
			if (badDigest && !response.isCommitted()) {
				// Answered once S3Proxy has seen the aborted body end and dropped its partial write.
				String key = (String) request.getAttribute(KEY);
				CompletableFuture.runAsync(() -> {
					awaitWrites((key != null) ? key : "");
					sendError(request, response, 400, "BadDigest",
							"The Content-MD5 or checksum value that you specified did not match what the server received.");
				});
				return;
			}
			super.onProxyResponseFailure(request, response, serverResponse, failure);
		}

		private void sendError(HttpServletRequest request, HttpServletResponse response, int status, String code,
				String message) {
			try {
				response.resetBuffer();
				S3Errors.send(response, status, code, message, URIUtil.decodePath(request.getRequestURI()));
			}
			catch (IOException | RuntimeException ex) {
				// The client went away; nothing to answer.
			}
			finally {
				if (request.isAsyncStarted()) {
					request.getAsyncContext().complete();
				}
			}
		}

		private @Nullable String denial(Session session, S3Operation operation, String bucket, String key,
				Map<String, String> query) {
			if (!bucket.equals(session.bucket())) {
				return "These credentials do not grant access to bucket '" + bucket + "'.";
			}
			if (key.isEmpty()) {
				if (operation == S3Operation.HeadBucket) {
					return null;
				}
				if (operation == S3Operation.ListObjectsV2 || operation == S3Operation.ListObjects
						|| operation == S3Operation.ListMultipartUploads) {
					String prefix = query.getOrDefault("prefix", "");
					return prefix.startsWith(session.scopePrefix()) ? null
							: "These credentials may list only under '" + session.scopePrefix() + "', not prefix '"
									+ prefix + "'.";
				}
				return operation + " on a bucket is not allowed with these credentials.";
			}
			if (!operation.allowedOnKey()) {
				return operation + " is not allowed with these credentials.";
			}
			return session.covers(key) ? null
					: "These credentials grant access under '" + session.scopePrefix() + "' only, not to '" + key + "'.";
		}

		/**
		 * Why the store cannot hold this key (or list under this prefix) as the literal text S3 would,
		 * or {@code null}. S3 keeps {@code .} and {@code ..} segments as text; S3Proxy's stores (in
		 * memory too) keep objects in files and would resolve them to another key, or fail. Refusing
		 * them keeps the key the scope check saw and the key stored one and the same.
		 */
		private static @Nullable String unstorable(String key, @Nullable String prefix) {
			for (String text : new String[] { key, (prefix != null) ? prefix : "" }) {
				if (ObjectStore.hasDotSegment(text)) {
					return "'" + text + "' has a '.' or '..' segment. S3 would keep it as literal text, but this "
							+ "emulator's store would resolve it to another key, so it refuses it; use a key without "
							+ "'.' or '..' segments.";
				}
			}
			return null;
		}

		private void inflict(DataPlaneFault fault, CountingRequest request, HttpServletResponse response,
				String resource) throws IOException {
			switch (fault.kind()) {
				case ERROR -> refuse(request, response, fault.httpStatus(), fault.errorCode(),
						"Injected fault: " + fault.errorCode() + ".", resource);
				case EXPIRED_TOKEN -> refuse(request, response, 400, "ExpiredToken", "The provided token has expired.",
						resource);
				case RESET -> {
					long length = bodyLength(request);
					skip(request.getInputStream(), Math.max(1, length / 2));
					abortConnection(request);
				}
				case STALL -> {
					request.getInputStream().transferTo(OutputStream.nullOutputStream());
					AsyncContext async = request.startAsync();
					async.setTimeout(Math.max(1, fault.stall().toMillis()));
					async.addListener(new AsyncListener() {

						@Override
						public void onTimeout(AsyncEvent event) {
							abortConnection(request);
							async.complete();
						}

						@Override
						public void onComplete(AsyncEvent event) {
						}

						@Override
						public void onError(AsyncEvent event) {
						}

						@Override
						public void onStartAsync(AsyncEvent event) {
						}

					});
				}
				case CORRUPT, DROP_ANSWER -> throw new IllegalStateException(
						"A " + fault.kind() + " fault passes the request on to storage");
			}
		}

	}

	private static long bodyLength(HttpServletRequest request) {
		String decoded = request.getHeader("x-amz-decoded-content-length");
		if (decoded != null) {
			return parseLong(decoded);
		}
		return Math.max(0, request.getContentLengthLong());
	}

	private static void skip(InputStream in, long bytes) throws IOException {
		byte[] buffer = new byte[8192];
		long left = bytes;
		while (left > 0) {
			int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
			if (read < 0) {
				return;
			}
			left -= read;
		}
	}

	/** Drops the TCP connection at once (RST where the socket allows it), as a network failure would. */
	private static void abortConnection(HttpServletRequest request) {
		ServletContextRequest jettyRequest = ServletContextRequest.getServletContextRequest(request);
		if (jettyRequest == null) {
			return;
		}
		EndPoint endPoint = jettyRequest.getConnectionMetaData().getConnection().getEndPoint();
		if (endPoint.getTransport() instanceof NetworkChannel channel) {
			try {
				channel.setOption(StandardSocketOptions.SO_LINGER, 0);
			}
			catch (IOException | UnsupportedOperationException ex) {
				// A plain close still drops the connection.
			}
		}
		endPoint.close();
	}

	private static String ticket(String accessKey, @Nullable String bucket, @Nullable String key) {
		return accessKey + "\n" + ((bucket != null) ? bucket : "") + "\n" + ((key != null) ? key : "");
	}

	private static @Nullable String accessKey(String authorization, Map<String, String> query) {
		Matcher sigV4 = SIGV4_CREDENTIAL.matcher(authorization);
		if (authorization.startsWith("AWS4-") && sigV4.find()) {
			return sigV4.group(1);
		}
		Matcher sigV2 = SIGV2.matcher(authorization);
		if (sigV2.find()) {
			return sigV2.group(1);
		}
		String credential = query.get("X-Amz-Credential");
		if (credential != null) {
			int slash = credential.indexOf('/');
			return (slash > 0) ? credential.substring(0, slash) : credential;
		}
		return query.get("AWSAccessKeyId");
	}

	private static Map<String, String> query(@Nullable String queryString) {
		Map<String, String> query = new HashMap<>();
		if (queryString == null || queryString.isEmpty()) {
			return query;
		}
		for (String pair : queryString.split("&")) {
			int equals = pair.indexOf('=');
			String name = URIUtil.decodePath((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decodeQueryValue(pair.substring(equals + 1));
			query.putIfAbsent(name, value);
		}
		return query;
	}

	private static String decodeQueryValue(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static @Nullable String firstNonNull(@Nullable String first, @Nullable String second) {
		return (first != null) ? first : second;
	}

	private static int parseInt(@Nullable String value) {
		try {
			return (value != null) ? Integer.parseInt(value) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	static long parseLong(String value) {
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
