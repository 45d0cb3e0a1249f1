package dev.stagekit.client.upload.internal;

import java.security.cert.CertificateException;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A certificate for another host name is explained as a name mismatch, an untrusted one as untrusted (pure unit:
 * the JDK's own exception shapes).
 */
class TlsMessageTests {

	private static SSLHandshakeException handshake(Throwable cause) {
		SSLHandshakeException handshake = new SSLHandshakeException(cause.getMessage());
		handshake.initCause(cause);
		return handshake;
	}

	@Test
	void certificateForAnotherNameShouldBeExplainedAsNameMismatch() {
		assertThat(StorageRetry.tlsReason(handshake(
				new CertificateException("No subject alternative names matching IP address 127.0.0.2 found"))))
			.contains("does not match the host name")
			.contains("No subject alternative names")
			.doesNotContain("not trusted");
		assertThat(StorageRetry.tlsReason(handshake(new CertificateException("No name matching store.example found"))))
			.contains("does not match the host name");
		assertThat(StorageRetry.tlsReason(new SSLPeerUnverifiedException("peer not verified")))
			.contains("does not match the host name");
	}

	@Test
	void untrustedCertificateShouldBeExplainedAsNotTrusted() {
		assertThat(StorageRetry.tlsReason(handshake(new CertificateException(
				"PKIX path building failed: unable to find valid certification path to requested target"))))
			.contains("is not trusted")
			.contains("ssl-bundle")
			.doesNotContain("host name");
	}

}
