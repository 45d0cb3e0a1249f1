package dev.stagekit.emulator.junit;

import java.util.function.Consumer;

import dev.stagekit.emulator.EmulatorSettings;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.jspecify.annotations.Nullable;

/**
 * Runs one {@link ZillizCloudEmulator} per test class, started before the first test and closed
 * after the last, and injects it into test and lifecycle method parameters.
 *
 * <pre>{@code
 * @RegisterExtension
 * static ZillizCloudEmulatorExtension zilliz = ZillizCloudEmulatorExtension.withSettings((s) -> s.freeTier());
 *
 * @Test
 * void uploads(ZillizCloudEmulator emulator) { ... }
 * }</pre>
 *
 * {@code @ExtendWith(ZillizCloudEmulatorExtension.class)} works too, with default settings.
 */
public final class ZillizCloudEmulatorExtension implements BeforeAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(ZillizCloudEmulatorExtension.class);

	private final Consumer<EmulatorSettings.Builder> customizer;

	private volatile @Nullable ZillizCloudEmulator emulator;

	/** An extension with the default settings. */
	public ZillizCloudEmulatorExtension() {
		this((settings) -> {
		});
	}

	private ZillizCloudEmulatorExtension(Consumer<EmulatorSettings.Builder> customizer) {
		this.customizer = customizer;
	}

	/** An extension whose emulator starts with the defaults as changed by {@code customizer}. */
	public static ZillizCloudEmulatorExtension withSettings(Consumer<EmulatorSettings.Builder> customizer) {
		return new ZillizCloudEmulatorExtension(customizer);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start(context);
	}

	/** The running emulator; for extensions registered in a static field. */
	public ZillizCloudEmulator emulator() {
		ZillizCloudEmulator running = this.emulator;
		if (running == null) {
			throw new IllegalStateException(
					"The emulator is not running: register ZillizCloudEmulatorExtension on a static field or with @ExtendWith");
		}
		return running;
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == ZillizCloudEmulator.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return start(context);
	}

	private synchronized ZillizCloudEmulator start(ExtensionContext context) {
		ZillizCloudEmulator running = this.emulator;
		if (running == null) {
			EmulatorSettings.Builder settings = ZillizCloudEmulator.builder();
			this.customizer.accept(settings);
			running = settings.start();
			this.emulator = running;
			// The store closes AutoCloseable values when the context that owns them ends.
			context.getStore(NAMESPACE).put("emulator", new Running(running));
		}
		return running;
	}

	private final class Running implements AutoCloseable {

		private final ZillizCloudEmulator emulator;

		Running(ZillizCloudEmulator emulator) {
			this.emulator = emulator;
		}

		@Override
		public void close() {
			ZillizCloudEmulatorExtension.this.emulator = null;
			this.emulator.close();
		}

	}

}
