package dev.stagekit.emulator;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.credentials.StaticProvider;
import io.minio.errors.ErrorResponseException;
import okhttp3.OkHttpClient;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Clients nobody on this project wrote, pointed at an emulator the way their users point them at
 * Zilliz Cloud: credentials and endpoint come from a real {@code apply} over HTTP and are used as
 * they are. minio-java is what the official Java SDK's VolumeFileManager uses; raw requests signed
 * with the AWS SDK's own SigV4 signer send keys exactly as written, {@code ..} segments included.
 */
public final class OutsideClients {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private OutsideClients() {
	}

	/**
	 * What {@code apply} answered.
	 *
	 * @param uploadPath the key prefix the credentials cover
	 * @param bucket the bucket
	 * @param endpoint the endpoint exactly as advertised
	 * @param region the signing region
	 * @param accessKey the temporary access key
	 * @param secretKey its secret
	 * @param sessionToken the session token
	 */
	public record Applied(String uploadPath, String bucket, String endpoint, String region, String accessKey,
			String secretKey, String sessionToken) {

		/** The same credentials with another session token. */
		public Applied withToken(String token) {
			return new Applied(this.uploadPath, this.bucket, this.endpoint, this.region, this.accessKey,
					this.secretKey, token);
		}

	}

	/** Creates a volume (in the default project and region) over HTTP and applies for {@code path}. */
	public static Applied createAndApply(URI controlPlane, String apiKey, String volume, String path) {
		JsonNode info = send(controlPlane, apiKey, "GET", "/_emulator/info", null);
		send(controlPlane, apiKey, "POST", "/v2/volumes/create",
				Map.of("projectId", info.path("projectId").asString(), "regionId", info.path("regionId").asString(),
						"volumeName", volume));
		return apply(controlPlane, apiKey, volume, path);
	}

	public static Applied apply(URI controlPlane, String apiKey, String volume, String path) {
		JsonNode envelope = send(controlPlane, apiKey, "POST", "/v2/volumes/apply",
				Map.of("volumeName", volume, "path", path));
		assertThat(envelope.path("code").intValue()).as(envelope.toString()).isZero();
		JsonNode data = envelope.path("data");
		JsonNode credentials = data.path("credentials");
		return new Applied(data.path("uploadPath").asString(), data.path("bucketName").asString(),
				data.path("endpoint").asString(), data.path("region").asString(), credentials.path("tmpAK").asString(),
				credentials.path("tmpSK").asString(), credentials.path("sessionToken").asString());
	}

	private static JsonNode send(URI base, String apiKey, String method, String path, Object body) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
				.header("Authorization", "Bearer " + apiKey);
			request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))
					: HttpRequest.BodyPublishers.noBody());
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return JSON.readTree(response.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** minio-java's HTTP client, trusting only the emulator's CA (as SSL_CERT_FILE would). */
	public static OkHttpClient okHttp(KeyStore trustStore) {
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(trustStore);
			X509TrustManager trust = (X509TrustManager) factory.getTrustManagers()[0];
			SSLContext tls = SSLContext.getInstance("TLS");
			tls.init(null, new TrustManager[] { trust }, null);
			return new OkHttpClient.Builder().sslSocketFactory(tls.getSocketFactory(), trust).build();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A minio-java client built as the official Java SDK builds it: {@code endpoint(String)}, region, STS keys. */
	public static MinioClient minio(Applied applied, OkHttpClient http) {
		return MinioClient.builder()
			.endpoint(applied.endpoint())
			.region(applied.region())
			.credentialsProvider(new StaticProvider(applied.accessKey(), applied.secretKey(), applied.sessionToken()))
			.httpClient(http)
			.build();
	}

	/** The same, asynchronous: its public lower-level calls make the MinIO JS multipart sequence. */
	public static MinioAsyncClient minioAsync(Applied applied, OkHttpClient http) {
		return MinioAsyncClient.builder()
			.endpoint(applied.endpoint())
			.region(applied.region())
			.credentialsProvider(new StaticProvider(applied.accessKey(), applied.secretKey(), applied.sessionToken()))
			.httpClient(http)
			.build();
	}

	/** Asserts a minio-java call fails with this HTTP status and S3 error code. */
	public static void assertMinioError(ThrowingCall call, int status, String code) {
		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> {
			try {
				call.run();
			}
			catch (ExecutionException | CompletionException ex) {
				throw ex.getCause();
			}
		}).satisfies((ex) -> {
			assertThat(ex.errorResponse().code()).as(ex.toString()).isEqualTo(code);
			assertThat(ex.response().code()).isEqualTo(status);
		});
	}

	/** A call that may throw anything. */
	@FunctionalInterface
	public interface ThrowingCall {

		void run() throws Throwable;

	}

	/**
	 * A response to a raw request.
	 *
	 * @param status the HTTP status
	 * @param body the body as text
	 */
	public record Raw(int status, String body) {

		/** The S3 error code of an error answer. */
		public String errorCode() {
			int start = this.body.indexOf("<Code>");
			int end = this.body.indexOf("</Code>");
			return (start >= 0 && end > start) ? this.body.substring(start + 6, end) : "";
		}

	}

	/**
	 * Sends a request signed with SigV4 (payload signed) for exactly {@code encodedPath}: no client
	 * library in between that could normalise {@code ..} segments away.
	 */
	public static Raw rawSigned(Applied applied, KeyStore trustStore, SdkHttpMethod method, String encodedPath,
			byte[] body) {
		URI endpoint = URI.create(applied.endpoint().contains("://") ? applied.endpoint() : "https://" + applied.endpoint());
		SdkHttpFullRequest request = SdkHttpFullRequest.builder()
			.method(method)
			.protocol(endpoint.getScheme())
			.host(endpoint.getHost())
			.port(endpoint.getPort())
			.encodedPath(encodedPath)
			.build();
		SignedRequest signed = AwsV4HttpSigner.create()
			.sign((r) -> r
				.identity(AwsSessionCredentialsIdentity.create(applied.accessKey(), applied.secretKey(),
						applied.sessionToken()))
				.request(request)
				.payload(ContentStreamProvider.fromByteArray(body))
				.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
				.putProperty(AwsV4HttpSigner.REGION_NAME, applied.region())
				.putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
				.putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
				.putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true));
		SdkHttpRequest sent = signed.request();
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(trustStore);
			SSLContext tls = SSLContext.getInstance("TLS");
			tls.init(null, factory.getTrustManagers(), null);
			HttpRequest.Builder http = HttpRequest.newBuilder(sent.getUri());
			sent.forEachHeader((name, values) -> {
				if (!List.of("host", "content-length").contains(name.toLowerCase(java.util.Locale.ROOT))) {
					values.forEach((value) -> http.header(name, value));
				}
			});
			http.method(method.name(), (body.length > 0) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
			HttpResponse<String> response = HttpClient.newBuilder()
				.sslContext(tls)
				.build()
				.send(http.build(), HttpResponse.BodyHandlers.ofString());
			return new Raw(response.statusCode(), response.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static byte[] bytes(int size, int seed) {
		byte[] data = new byte[size];
		new java.util.Random(seed).nextBytes(data);
		return data;
	}

	public static ByteArrayInputStream stream(byte[] data) {
		return new ByteArrayInputStream(data);
	}

	public static String sha256(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
