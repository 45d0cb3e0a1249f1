package dev.stagekit.test;

import java.security.GeneralSecurityException;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import dev.stagekit.autoconfigure.ZillizCloudAutoConfiguration;
import dev.stagekit.autoconfigure.ZillizCloudConnectionDetails;
import dev.stagekit.autoconfigure.ZillizCloudStorageClientCustomizer;
import dev.stagekit.emulator.ZillizCloudEmulator;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} that points the
 * application at a {@link ZillizCloudEmulator} bean, the way {@code @ServiceConnection} does for a container:
 * its endpoint, API key and ids become the {@link ZillizCloudConnectionDetails}, and its certificate authority
 * is trusted for uploads. Define the bean in a {@code @TestConfiguration} and import it into a test, or pass it
 * to {@code SpringApplication.from(App::main).with(...)} to run the application locally.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = ZillizCloudAutoConfiguration.class)
@ConditionalOnBean(ZillizCloudEmulator.class)
public final class ZillizCloudEmulatorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZillizCloudConnectionDetails zillizCloudEmulatorConnectionDetails(ZillizCloudEmulator emulator) {
		return new EmulatorZillizCloudConnectionDetails(emulator);
	}

	@Bean
	ZillizCloudStorageClientCustomizer zillizCloudEmulatorTrust(ZillizCloudEmulator emulator) {
		return new EmulatorTrust(emulator);
	}

	/** Trusts the emulator's certificate authority, before any customizer of the application's. */
	private static final class EmulatorTrust implements ZillizCloudStorageClientCustomizer, Ordered {

		private final TrustManager[] trustManagers;

		EmulatorTrust(ZillizCloudEmulator emulator) {
			try {
				TrustManagerFactory factory = TrustManagerFactory
					.getInstance(TrustManagerFactory.getDefaultAlgorithm());
				factory.init(emulator.trustStore());
				this.trustManagers = factory.getTrustManagers();
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("The emulator's certificate authority cannot be trusted: " + ex, ex);
			}
		}

		@Override
		public void customize(S3AsyncClientBuilder builder) {
		}

		@Override
		public void customize(NettyNioAsyncHttpClient.Builder builder) {
			builder.tlsTrustManagersProvider(() -> this.trustManagers);
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
