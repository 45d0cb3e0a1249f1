package dev.stagekit.emulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A certificate authority made for one emulator, and the server certificate it signs for the
 * data plane's HTTPS port. Clients trust the emulator by trusting the CA ({@link #trustStore()},
 * {@link #caCertificatePem()}); nothing else trusts it. With a data directory the CA is kept in
 * {@code tls/ca.p12} so a restarted emulator stays trusted by the same trust store.
 */
public final class LocalCertificateAuthority {

	// Protects in-memory key stores and the CA file in the emulator's own data directory; the CA
	// signs nothing but loopback test servers, so the password is not a secret.
	private static final String PASSWORD = "stagekit-emulator";

	private static final String SIGNATURE = "SHA256withECDSA";

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final X509Certificate caCertificate;

	private final KeyStore serverKeyStore;

	private final KeyStore trustStore;

	private LocalCertificateAuthority(X509Certificate caCertificate, KeyStore serverKeyStore, KeyStore trustStore) {
		this.caCertificate = caCertificate;
		this.serverKeyStore = serverKeyStore;
		this.trustStore = trustStore;
	}

	/**
	 * Loads the CA from {@code dataDirectory} (or makes one, and saves it there when a directory is
	 * given), then issues a server certificate for {@code host}, {@code localhost} and
	 * {@code 127.0.0.1}.
	 */
	public static LocalCertificateAuthority create(@Nullable Path dataDirectory, String host) {
		try {
			Path caFile = (dataDirectory != null) ? dataDirectory.resolve("tls").resolve("ca.p12") : null;
			KeyStore caStore = (caFile != null && Files.exists(caFile)) ? load(caFile) : newCa(caFile);
			PrivateKey caKey = (PrivateKey) caStore.getKey("ca", PASSWORD.toCharArray());
			X509Certificate caCertificate = (X509Certificate) caStore.getCertificate("ca");

			KeyPair serverKeys = newKeyPair();
			X509Certificate serverCertificate = serverCertificate(host, serverKeys, caKey, caCertificate);
			KeyStore serverKeyStore = emptyStore();
			serverKeyStore.setKeyEntry("server", serverKeys.getPrivate(), PASSWORD.toCharArray(),
					new Certificate[] { serverCertificate, caCertificate });
			KeyStore trustStore = emptyStore();
			trustStore.setCertificateEntry("stagekit-emulator-ca", caCertificate);
			return new LocalCertificateAuthority(caCertificate, serverKeyStore, trustStore);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the emulator's TLS certificates", ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot prepare the emulator's TLS certificates", ex);
		}
	}

	private static KeyStore newCa(@Nullable Path caFile)
			throws GeneralSecurityException, IOException, OperatorCreationException {
		KeyPair keys = newKeyPair();
		Instant now = Instant.now();
		X500Name name = new X500Name("CN=stagekit emulator CA " + Long.toHexString(RANDOM.nextLong()) + ",O=stagekit");
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
				Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
				keys.getPublic());
		JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
		builder.addExtension(Extension.subjectKeyIdentifier, false,
				extensions.createSubjectKeyIdentifier(keys.getPublic()));
		X509Certificate certificate = sign(builder, keys.getPrivate());
		KeyStore store = emptyStore();
		store.setKeyEntry("ca", keys.getPrivate(), PASSWORD.toCharArray(), new Certificate[] { certificate });
		if (caFile != null) {
			Files.createDirectories(caFile.getParent());
			try (OutputStream out = Files.newOutputStream(caFile)) {
				store.store(out, PASSWORD.toCharArray());
			}
		}
		return store;
	}

	private static X509Certificate serverCertificate(String host, KeyPair keys, PrivateKey caKey,
			X509Certificate caCertificate) throws GeneralSecurityException, CertIOException, OperatorCreationException {
		Instant now = Instant.now();
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCertificate, serial(),
				Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(825))),
				new X500Name("CN=" + host + ",O=stagekit"), keys.getPublic());
		List<GeneralName> names = new ArrayList<>();
		names.add(new GeneralName(GeneralName.dNSName, "localhost"));
		names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
		if (!host.equals("localhost") && !host.equals("127.0.0.1")) {
			boolean ip = IPV4.matcher(host).matches() || host.contains(":");
			names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host));
		}
		JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
		builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
		builder.addExtension(Extension.subjectAlternativeName, false,
				new GeneralNames(names.toArray(GeneralName[]::new)));
		builder.addExtension(Extension.authorityKeyIdentifier, false,
				extensions.createAuthorityKeyIdentifier(caCertificate));
		return sign(builder, caKey);
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
			throws GeneralSecurityException, OperatorCreationException {
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(key)));
	}

	private static KeyPair newKeyPair() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
		return generator.generateKeyPair();
	}

	private static BigInteger serial() {
		return new BigInteger(64, RANDOM).abs().add(BigInteger.ONE);
	}

	private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		return store;
	}

	private static KeyStore load(Path file) throws GeneralSecurityException, IOException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(file)) {
			store.load(in, PASSWORD.toCharArray());
		}
		return store;
	}

	/** The data plane's key and certificate chain. */
	public KeyStore serverKeyStore() {
		return this.serverKeyStore;
	}

	public String keyStorePassword() {
		return PASSWORD;
	}

	/** A PKCS#12 trust store holding only the CA certificate. */
	public KeyStore trustStore() {
		return this.trustStore;
	}

	/** The CA certificate, PEM-encoded. */
	public String caCertificatePem() {
		try {
			String base64 = Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(this.caCertificate.getEncoded());
			return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
