package dev.stagekit.smoke.mvc;

import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.control.VolumeManager;
import dev.stagekit.emulator.ZillizCloudEmulator;

/** The volume of {@link MvcSmokeTest}, created once per emulator as a user creates it before uploading. */
final class SmokeVolume {

	private SmokeVolume() {
	}

	/** Create the volume unless it exists and return the key prefix of its objects in the emulator. */
	static String prefix(VolumeManager volumes, ZillizCloudEmulator emulator) {
		if (emulator.volumePrefix(MvcSmokeTest.VOLUME).isEmpty()) {
			volumes.create(CreateVolumeRequest.builder(MvcSmokeTest.VOLUME).build());
		}
		return emulator.volumePrefix(MvcSmokeTest.VOLUME).orElseThrow();
	}

}
