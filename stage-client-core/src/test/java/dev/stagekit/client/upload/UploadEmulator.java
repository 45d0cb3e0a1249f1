package dev.stagekit.client.upload;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.emulator.EmulatorSettings;
import dev.stagekit.emulator.ZillizCloudEmulator;
import dev.stagekit.emulator.junit.ZillizCloudEmulatorExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The emulator of an upload test class with clients and file managers wired to it (trusting its CA for the HTTPS
 * data plane): started before the first test, closed after the last, its faults cleared and request counts reset
 * before each test. The emulator's lifecycle is {@link ZillizCloudEmulatorExtension}'s.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final UploadEmulator upload = UploadEmulator.withSettings((emulator) -> emulator.maxFileNumber(6L))
 *     .uploads((settings) -> settings.fileConcurrency(16));
 * }</pre>
 */
public final class UploadEmulator implements BeforeAllCallback, BeforeEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(UploadEmulator.class);

	private final Consumer<EmulatorSettings.Builder> emulatorSettings;

	private final UnaryOperator<UploadSettings.Builder> uploadSettings;

	private final ZillizCloudEmulatorExtension emulator;

	private volatile @Nullable Running running;

	private UploadEmulator(Consumer<EmulatorSettings.Builder> emulatorSettings,
			UnaryOperator<UploadSettings.Builder> uploadSettings) {
		this.emulatorSettings = emulatorSettings;
		this.uploadSettings = uploadSettings;
		this.emulator = ZillizCloudEmulatorExtension.withSettings(emulatorSettings);
	}

	/** An emulator with the default settings. */
	public static UploadEmulator create() {
		return withSettings((settings) -> {
		});
	}

	/** An emulator started with the defaults as changed by {@code settings}. */
	public static UploadEmulator withSettings(Consumer<EmulatorSettings.Builder> settings) {
		return new UploadEmulator(settings, UnaryOperator.identity());
	}

	/** The same emulator, with the shared {@link #files()} built with these upload settings. */
	public UploadEmulator uploads(UnaryOperator<UploadSettings.Builder> settings) {
		return new UploadEmulator(this.emulatorSettings, settings);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.emulator.beforeAll(context);
		ZillizCloudEmulator started = this.emulator.emulator();
		ZillizCloudClients clients = UploadTestSupport.clients(started);
		FileManagers files = UploadTestSupport.fileManagers(started, clients, this.uploadSettings);
		this.running = new Running(started, clients, files);
		// Added after the emulator's entry, so closed before the emulator.
		context.getStore(NAMESPACE).put("files", (AutoCloseable) () -> {
			this.running = null;
			files.close();
		});
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		ZillizCloudEmulator started = running().emulator();
		started.clearFaults();
		started.resetRequestCounts();
	}

	public ZillizCloudEmulator emulator() {
		return running().emulator();
	}

	public ZillizCloudClients clients() {
		return running().clients();
	}

	/** The class's file managers, with its upload settings. */
	public FileManagers files() {
		return running().files();
	}

	/**
	 * New file managers with the test defaults as changed by {@code settings} (not the class's); the caller closes
	 * them.
	 */
	public FileManagers fileManagers(UnaryOperator<UploadSettings.Builder> settings) {
		return fileManagers(settings, (files) -> {
		});
	}

	/** As {@link #fileManagers(UnaryOperator)}, their builder then changed by {@code customizer}. */
	public FileManagers fileManagers(UnaryOperator<UploadSettings.Builder> settings,
			Consumer<FileManagers.Builder> customizer) {
		Running current = running();
		return UploadTestSupport.fileManagers(current.emulator(), current.clients(), settings, customizer);
	}

	private Running running() {
		Running current = this.running;
		if (current == null) {
			throw new IllegalStateException("UploadEmulator runs only when registered on a static field");
		}
		return current;
	}

	private record Running(ZillizCloudEmulator emulator, ZillizCloudClients clients, FileManagers files) {
	}

}
