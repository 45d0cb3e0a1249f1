package dev.stagekit.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * What each client puts on the wire for one small PutObject: the headers that tell how the body is framed, signed
 * and checksummed. Captured on separate client instances, never during a measured run.
 */
final class WireProbe {

	static final List<String> HEADERS = List.of("x-amz-content-sha256", "content-encoding", "x-amz-trailer",
			"x-amz-decoded-content-length", "x-amz-checksum-crc32c", "x-amz-sdk-checksum-algorithm", "content-md5",
			"content-length", "transfer-encoding");

	private final Map<String, Map<String, String>> seen = new ConcurrentHashMap<>();

	/** Records the first PutObject (no query string) request's headers under this client id. */
	ExecutionInterceptor sdk(String id) {
		return new ExecutionInterceptor() {
			@Override
			public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
				SdkHttpRequest request = context.httpRequest();
				if (request.method().name().equals("PUT") && request.rawQueryParameters().isEmpty()) {
					Map<String, String> headers = new LinkedHashMap<>();
					for (String name : HEADERS) {
						request.firstMatchingHeader(name).ifPresent((value) -> headers.put(name, value));
					}
					WireProbe.this.seen.putIfAbsent(id, headers);
				}
			}
		};
	}

	/** The same for minio-java's OkHttp client (a network interceptor sees the headers as sent). */
	OkHttpClient okHttp(String id, OkHttpClient client) {
		Interceptor interceptor = (chain) -> {
			Request request = chain.request();
			if (request.method().equals("PUT") && request.url().query() == null) {
				Map<String, String> headers = new LinkedHashMap<>();
				for (String name : HEADERS) {
					String value = request.header(name);
					if (value == null && name.equals("content-length") && request.body() != null) {
						value = String.valueOf(request.body().contentLength());
					}
					if (value != null) {
						headers.put(name, value);
					}
				}
				this.seen.putIfAbsent(id, headers);
			}
			return chain.proceed(request);
		};
		return client.newBuilder().addNetworkInterceptor(interceptor).build();
	}

	Map<String, Map<String, String>> seen() {
		return this.seen;
	}

	/** A Markdown table, one row per client. */
	String table(Map<String, String> labels) {
		StringBuilder out = new StringBuilder("| Client | " + String.join(" | ", HEADERS) + " |\n|---|"
				+ "---|".repeat(HEADERS.size()) + "\n");
		labels.forEach((id, label) -> {
			Map<String, String> headers = this.seen.get(id);
			if (headers == null) {
				return;
			}
			out.append("| ").append(label);
			for (String name : HEADERS) {
				String value = headers.getOrDefault(name, "–");
				if (value.length() > 40) {
					value = value.substring(0, 37) + "…";
				}
				out.append(" | `").append(value).append("`");
			}
			out.append(" |\n");
		});
		return out.toString();
	}

}
