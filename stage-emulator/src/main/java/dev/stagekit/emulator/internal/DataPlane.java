package dev.stagekit.emulator.internal;

import dev.stagekit.emulator.DataPlaneFault;
import dev.stagekit.emulator.EmulatorSettings;
import jakarta.servlet.http.HttpServlet;

/**
 * STUB: the S3 data plane in front of S3Proxy.
 */
public final class DataPlane {

	public DataPlane(EmulatorSettings settings, SessionRegistry sessions, ObjectStore objects,
			RequestCounters counters) {
	}

	public HttpServlet servlet() {
		return new HttpServlet() {
		};
	}

	public void inject(DataPlaneFault fault) {
	}

	public void clearFaults() {
	}

}
