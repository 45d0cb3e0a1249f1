package dev.stagekit.client.upload;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.internal.ControlPlane;
import dev.stagekit.client.upload.internal.UploadEngine;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

/**
 * Hands out file managers for any stage or volume, all on one upload engine: one Netty HTTP client, one
 * connection pool and one timer, however many managers exist. Close it when the application stops; closing
 * waits (at most 30 seconds) for multipart uploads that are still being aborted after a cancellation.
 *
 * <pre>{@code
 * try (FileManagers files = FileManagers.builder(clients).build()) {
 *     UploadResult result = files.volume("my_volume").upload(Path.of("data"), "run-1/");
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FileManagers implements AutoCloseable {

	private final UploadEngine engine;

	private FileManagers(UploadEngine engine) {
		this.engine = engine;
	}

	/**
	 * Start building on control-plane clients.
	 * @param clients the clients (their engine issues the {@code apply} calls)
	 * @return a builder
	 */
	public static Builder builder(ZillizCloudClients clients) {
		return new Builder(clients);
	}

	/**
	 * Return the settings.
	 * @return the settings
	 */
	public UploadSettings settings() {
		return this.engine.settings();
	}

	/**
	 * Return a reactive manager for a volume.
	 * @param volumeName the volume
	 * @return the manager
	 */
	public ReactiveVolumeFileManager reactiveVolume(String volumeName) {
		return this.engine.volume(volumeName);
	}

	/**
	 * Return a reactive manager for a stage.
	 * @param stageName the stage
	 * @return the manager
	 */
	public ReactiveStageFileManager reactiveStage(String stageName) {
		return this.engine.stage(stageName);
	}

	/**
	 * Return a blocking manager for a volume.
	 * @param volumeName the volume
	 * @return the manager
	 */
	public VolumeFileManager volume(String volumeName) {
		return new VolumeFileManager(reactiveVolume(volumeName));
	}

	/**
	 * Return a blocking manager for a stage.
	 * @param stageName the stage
	 * @return the manager
	 */
	public StageFileManager stage(String stageName) {
		return new StageFileManager(reactiveStage(stageName));
	}

	@Override
	public void close() {
		this.engine.close();
	}

	/**
	 * Builds {@link FileManagers}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final ZillizCloudClients clients;

		private UploadSettings settings = UploadSettings.DEFAULTS;

		private final List<Consumer<NettyNioAsyncHttpClient.Builder>> httpClientCustomizers = new ArrayList<>();

		private final List<Consumer<S3AsyncClientBuilder>> s3ClientCustomizers = new ArrayList<>();

		private UploadObserver observer = UploadObserver.NONE;

		private Builder(ZillizCloudClients clients) {
			this.clients = clients;
		}

		/**
		 * Use these settings.
		 * @param settings the settings
		 * @return this builder
		 */
		public Builder settings(UploadSettings settings) {
			this.settings = settings;
			return this;
		}

		/**
		 * Customize the shared Netty HTTP client (TLS trust, proxy, event loop); applied in the order added.
		 * @param customizer the customizer
		 * @return this builder
		 */
		public Builder httpClientCustomizer(Consumer<NettyNioAsyncHttpClient.Builder> customizer) {
			this.httpClientCustomizers.add(customizer);
			return this;
		}

		/**
		 * Verify the object store's TLS certificates with these trusted certificates instead of the JVM's
		 * default trust store: a private certificate authority, such as the emulator's
		 * ({@code emulator.trustStore()}). The same as an {@link #httpClientCustomizer} that sets the Netty
		 * client's trust managers, in the order added; verification stays on.
		 * @param trustStore a loaded key store of trusted certificates
		 * @return this builder
		 * @throws InvalidRequestException when the key store cannot be used to verify certificates
		 */
		public Builder trustStore(KeyStore trustStore) {
			if (trustStore == null) {
				throw new InvalidRequestException("trustStore", null, "pass a loaded key store of trusted certificates");
			}
			TrustManager[] managers;
			try {
				if (trustStore.size() == 0) {
					throw new InvalidRequestException("trustStore", trustStore.getType() + " key store",
							"it holds no certificate, so it would trust no object store; add the certificate authority");
				}
				TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
				factory.init(trustStore);
				managers = factory.getTrustManagers();
			}
			catch (GeneralSecurityException ex) {
				throw new InvalidRequestException("trustStore", trustStore.getType() + " key store",
						"it cannot verify the object store's certificates (" + ex.getMessage()
								+ "); pass a loaded key store of trusted certificates");
			}
			return httpClientCustomizer((http) -> http.tlsTrustManagersProvider(() -> managers));
		}

		/**
		 * Customize every S3 client (interceptors, metrics); applied in the order added, after the engine's
		 * own settings. What the engine enforces (its retry policy with the SDK's retries off, its
		 * interceptors) is merged back afterwards, so a customizer that replaces the override configuration
		 * cannot undo it.
		 * @param customizer the customizer
		 * @return this builder
		 */
		public Builder s3ClientCustomizer(Consumer<S3AsyncClientBuilder> customizer) {
			this.s3ClientCustomizers.add(customizer);
			return this;
		}

		/**
		 * Observe every upload, for metrics or tracing.
		 * @param observer the observer
		 * @return this builder
		 */
		public Builder observer(UploadObserver observer) {
			this.observer = observer;
			return this;
		}

		/**
		 * Build the managers and their shared engine.
		 * @return the managers
		 */
		public FileManagers build() {
			return new FileManagers(UploadEngine.create(ControlPlane.of(this.clients), this.settings,
					this.httpClientCustomizers, this.s3ClientCustomizers, this.observer));
		}

	}

}
