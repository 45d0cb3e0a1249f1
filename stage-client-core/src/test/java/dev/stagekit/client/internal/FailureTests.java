package dev.stagekit.client.internal;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.ZillizCloudConnectionException;
import dev.stagekit.client.ZillizCloudTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one failure classifier shared by control-plane calls and storage requests.
 */
class FailureTests {

	@Test
	void classifyWhenTimeoutShouldRecogniseItByTypeAtAnyDepth() {
		assertThat(Failure.of(ReadTimeoutException.INSTANCE)).isEqualTo(Failure.OUTCOME_UNKNOWN);
		assertThat(Failure.of(new TimeoutException())).isEqualTo(Failure.OUTCOME_UNKNOWN);
		assertThat(Failure.of(SdkClientException.create("Unable to execute HTTP request",
				new IOException("wrapped", ReadTimeoutException.INSTANCE))))
			.isEqualTo(Failure.OUTCOME_UNKNOWN);
		assertThat(Failure.of(new ZillizCloudTimeoutException("GET /v2/volumes timed out", null)))
			.isEqualTo(Failure.OUTCOME_UNKNOWN);
		assertThat(Failure.isRetryable(new TimeoutException())).isTrue();
	}

	@Test
	void classifyWhenOnlyTheNameSaysTimeoutShouldNotCallItOne() {
		assertThat(Failure.isTimeout(new NotATimeoutException("Timeout? no"))).isFalse();
		assertThat(Failure.of(new NotATimeoutException("Timeout? no"))).isEqualTo(Failure.TRANSIENT);
	}

	@Test
	void classifyWhenStoreAnswersShouldFollowStatusAndCode() {
		assertThat(Failure.of(s3(403, "AccessDenied"))).isEqualTo(Failure.CREDENTIALS_EXPIRED);
		assertThat(Failure.of(s3(400, "ExpiredToken"))).isEqualTo(Failure.CREDENTIALS_EXPIRED);
		assertThat(Failure.of(s3(503, "SlowDown"))).isEqualTo(Failure.TRANSIENT);
		assertThat(Failure.of(s3(400, "BadDigest"))).isEqualTo(Failure.TRANSIENT);
		assertThat(Failure.of(s3(400, "InvalidArgument"))).isEqualTo(Failure.PERMANENT);
		assertThat(Failure.isRetryable(s3(403, "AccessDenied"))).isFalse();
	}

	@Test
	void classifyWhenClientSideShouldRetryIoButNotUntrustedCertificatesOrBadInput() {
		assertThat(Failure.of(new IOException("Connection reset"))).isEqualTo(Failure.TRANSIENT);
		assertThat(Failure.of(new ZillizCloudConnectionException("refused", null))).isEqualTo(Failure.TRANSIENT);
		assertThat(Failure.of(new SSLHandshakeException("PKIX path building failed"))).isEqualTo(Failure.PERMANENT);
		assertThat(Failure.of(new InvalidRequestException("name", "x y", "no spaces"))).isEqualTo(Failure.PERMANENT);
	}

	private static S3Exception s3(int status, String code) {
		return (S3Exception) S3Exception.builder()
			.statusCode(status)
			.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build())
			.build();
	}

	/** An exception whose name, but not its type, speaks of a timeout. */
	private static final class NotATimeoutException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		NotATimeoutException(String message) {
			super(message);
		}

	}

}
