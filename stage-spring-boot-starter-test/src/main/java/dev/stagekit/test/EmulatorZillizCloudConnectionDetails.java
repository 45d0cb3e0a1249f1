package dev.stagekit.test;

import java.net.URI;

import dev.stagekit.autoconfigure.ZillizCloudConnectionDetails;
import dev.stagekit.client.ApiKey;
import dev.stagekit.emulator.ZillizCloudEmulator;

/**
 * {@link ZillizCloudConnectionDetails} of a running {@link ZillizCloudEmulator}.
 */
final class EmulatorZillizCloudConnectionDetails implements ZillizCloudConnectionDetails {

	private final ZillizCloudEmulator emulator;

	EmulatorZillizCloudConnectionDetails(ZillizCloudEmulator emulator) {
		this.emulator = emulator;
	}

	@Override
	public URI getEndpoint() {
		return this.emulator.controlPlaneUrl();
	}

	@Override
	public ApiKey getApiKey() {
		return new EmulatorApiKey(this.emulator.apiKey());
	}

	@Override
	public String getProjectId() {
		return this.emulator.projectId();
	}

	@Override
	public String getRegionId() {
		return this.emulator.regionId();
	}

	@Override
	public String getClusterId() {
		return this.emulator.clusterId();
	}

	/** The emulator's key; never printed. */
	private record EmulatorApiKey(String value) implements ApiKey {

		@Override
		public String origin() {
			return "the emulator's API key (a ZillizCloudEmulator bean supplies the connection details)";
		}

		@Override
		public String toString() {
			return "ApiKey[******]";
		}

	}

}
