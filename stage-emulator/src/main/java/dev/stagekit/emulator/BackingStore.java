package dev.stagekit.emulator;

import java.net.URI;
import java.util.Objects;

/**
 * An external S3-compatible server (MinIO, for example) that stores the emulator's objects instead of its
 * in-process store. The emulator still fronts it: clients reach the emulator's data plane with the temporary
 * credentials {@code apply} issued, and faults, counters and hooks work as usual; the emulator talks to the
 * backing store with these fixed credentials. {@code toString()} hides the secret key.
 *
 * @param endpoint the server, e.g. {@code http://127.0.0.1:9000}
 * @param accessKey its access key
 * @param secretKey its secret key
 * @param region the region to sign for
 */
public record BackingStore(URI endpoint, String accessKey, String secretKey, String region) {

	public BackingStore {
		Objects.requireNonNull(endpoint, "endpoint");
		Objects.requireNonNull(accessKey, "accessKey");
		Objects.requireNonNull(secretKey, "secretKey");
		Objects.requireNonNull(region, "region");
	}

	/**
	 * A backing store in {@code us-east-1}.
	 * @param endpoint the server
	 * @param accessKey its access key
	 * @param secretKey its secret key
	 * @return the backing store
	 */
	public static BackingStore of(URI endpoint, String accessKey, String secretKey) {
		return new BackingStore(endpoint, accessKey, secretKey, "us-east-1");
	}

	@Override
	public String toString() {
		return "BackingStore[endpoint=" + this.endpoint + ", accessKey=" + this.accessKey + ", secretKey=******, region="
				+ this.region + "]";
	}

}
