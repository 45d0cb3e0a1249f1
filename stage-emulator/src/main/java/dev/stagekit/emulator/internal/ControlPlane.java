package dev.stagekit.emulator.internal;

import java.util.Optional;
import java.util.function.Supplier;

import dev.stagekit.emulator.ControlPlaneFault;
import dev.stagekit.emulator.EmulatorSettings;
import dev.stagekit.emulator.ZillizCloudEmulator;
import jakarta.servlet.http.HttpServlet;

/**
 * STUB: the control plane (volumes, stages, apply, import jobs, /_emulator/ hooks).
 */
public final class ControlPlane implements AutoCloseable {

	public ControlPlane(EmulatorSettings settings, SessionRegistry sessions, ObjectStore objects,
			RequestCounters counters, Supplier<String> dataPlaneEndpoint, ZillizCloudEmulator emulator) {
	}

	public HttpServlet servlet() {
		return new HttpServlet() {
		};
	}

	public void inject(ControlPlaneFault fault) {
	}

	public void clearFaults() {
	}

	public Optional<String> volumePrefix(String name) {
		return Optional.empty();
	}

	public Optional<String> stagePrefix(String name) {
		return Optional.empty();
	}

	@Override
	public void close() {
	}

}
