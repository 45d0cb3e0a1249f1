package dev.stagekit.bulkwriter;

import java.time.Duration;
import java.util.function.UnaryOperator;

import dev.stagekit.client.RetrySettings;
import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.upload.FileManagers;
import dev.stagekit.client.upload.UploadSettings;
import dev.stagekit.emulator.ZillizCloudEmulator;
import dev.stagekit.emulator.junit.ZillizCloudEmulatorExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The emulator of a bulk writer test class with clients, file managers (trusting its CA for the HTTPS data plane)
 * and bulk writers wired to it: started before the first test, closed after the last, its faults cleared and
 * request counts reset before each test. The emulator's lifecycle is {@link ZillizCloudEmulatorExtension}'s.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final BulkWriterEmulator zilliz = BulkWriterEmulator.withUploads((settings) -> settings.partSize(5 * MIB));
 * }</pre>
 */
final class BulkWriterEmulator implements BeforeAllCallback, BeforeEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(BulkWriterEmulator.class);

	private final ZillizCloudEmulatorExtension emulator = new ZillizCloudEmulatorExtension();

	private final UnaryOperator<UploadSettings.Builder> uploadSettings;

	private volatile @Nullable Running running;

	private BulkWriterEmulator(UnaryOperator<UploadSettings.Builder> uploadSettings) {
		this.uploadSettings = uploadSettings;
	}

	/** An emulator with the default settings, file managers with the test upload settings. */
	static BulkWriterEmulator create() {
		return withUploads(UnaryOperator.identity());
	}

	/** An emulator with the default settings, file managers with the test upload settings changed by these. */
	static BulkWriterEmulator withUploads(UnaryOperator<UploadSettings.Builder> settings) {
		return new BulkWriterEmulator(settings);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.emulator.beforeAll(context);
		ZillizCloudEmulator started = this.emulator.emulator();
		ZillizCloudClients clients = ZillizCloudClients.create(ZillizCloudClientSettings.builder()
			.endpoint(started.controlPlaneUrl())
			.apiKey(started.apiKey())
			.projectId(started.projectId())
			.regionId(started.regionId())
			.clusterId(started.clusterId())
			.build());
		UploadSettings.Builder settings = UploadSettings.builder()
			.retry(RetrySettings.STORAGE.withBackoff(Duration.ofMillis(5), Duration.ofMillis(20)))
			.progressInterval(Duration.ofMillis(20));
		FileManagers files = FileManagers.builder(clients)
			.settings(this.uploadSettings.apply(settings).build())
			.trustStore(started.trustStore())
			.build();
		Running running = new Running(started, clients, files,
				new BulkWriters(files, clients, BulkWriterSettings.DEFAULTS));
		this.running = running;
		// Added after the emulator's entry, so closed before the emulator.
		context.getStore(NAMESPACE).put("files", running);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		ZillizCloudEmulator started = running().emulator;
		started.clearFaults();
		started.resetRequestCounts();
	}

	ZillizCloudEmulator emulator() {
		return running().emulator;
	}

	ZillizCloudClients clients() {
		return running().clients;
	}

	BulkWriters writers() {
		return running().writers;
	}

	private Running running() {
		Running current = this.running;
		if (current == null) {
			throw new IllegalStateException("BulkWriterEmulator runs only when registered on a static field");
		}
		return current;
	}

	private final class Running implements AutoCloseable {

		private final ZillizCloudEmulator emulator;

		private final ZillizCloudClients clients;

		private final FileManagers files;

		private final BulkWriters writers;

		Running(ZillizCloudEmulator emulator, ZillizCloudClients clients, FileManagers files, BulkWriters writers) {
			this.emulator = emulator;
			this.clients = clients;
			this.files = files;
			this.writers = writers;
		}

		@Override
		public void close() {
			BulkWriterEmulator.this.running = null;
			this.files.close();
		}

	}

}
