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
		return ApiKey.of(this.emulator.apiKey());
	}

}
