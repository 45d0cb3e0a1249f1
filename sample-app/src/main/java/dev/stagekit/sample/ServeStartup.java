package dev.stagekit.sample;

import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.control.VolumeInfo;
import dev.stagekit.client.control.VolumeManager;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The start of {@code serve}: makes sure the volume of the README's examples ({@code sample.volume}, default
 * {@code my_volume}) exists, creating it if needed, and says where the endpoints are.
 */
@Component
@ConditionalOnProperty(name = "sample.mode", havingValue = "serve")
class ServeStartup implements ApplicationRunner {

	private final VolumeManager volumes;

	private final String volume;

	private final Environment environment;

	ServeStartup(VolumeManager volumes, @Value("${sample.volume:my_volume}") String volume, Environment environment) {
		this.volumes = volumes;
		this.volume = volume;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean exists = this.volumes.listAll().stream().map(VolumeInfo::volumeName).anyMatch(this.volume::equals);
		if (!exists) {
			this.volumes.create(CreateVolumeRequest.builder(this.volume).build());
		}
		String port = this.environment.getProperty("local.server.port", "8080");
		System.out.println("Volume '" + this.volume + "' " + (exists ? "exists" : "created") + "; serving on http://localhost:"
				+ port + " (try: curl http://localhost:" + port + "/volumes)");
	}

	String volume() {
		return this.volume;
	}

}
