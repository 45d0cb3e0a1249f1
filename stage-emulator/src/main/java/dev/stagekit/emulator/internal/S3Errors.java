package dev.stagekit.emulator.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

/**
 * S3-style XML error answers the data plane writes itself (auth, scope and injected faults).
 * Messages never carry credentials.
 */
final class S3Errors {

	private S3Errors() {
	}

	static void send(HttpServletResponse response, int status, String code, String message, String resource)
			throws IOException {
		String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
		String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + escape(code) + "</Code><Message>"
				+ escape(message) + "</Message><Resource>" + escape(resource) + "</Resource><RequestId>" + requestId
				+ "</RequestId></Error>";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType("application/xml");
		response.setHeader("x-amz-request-id", requestId);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
