package dev.stagekit.emulator;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;

import dev.stagekit.emulator.internal.ObjectStore;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Writes objects straight into an emulator's blob store, for tests that need files without
 * uploading them through the data plane.
 */
final class TestObjects {

	private TestObjects() {
	}

	/** Stores {@code content} under {@code key} in the emulator's bucket. */
	static void put(ZillizCloudEmulator emulator, String key, String content) {
		put(emulator, key, content.getBytes(StandardCharsets.UTF_8));
	}

	/** Stores {@code bytes} under {@code key} in the emulator's bucket. */
	static void put(ZillizCloudEmulator emulator, String key, byte[] bytes) {
		ObjectStore store = store(emulator);
		store.blobStore()
			.putBlob(PutObjectRequest.builder().bucket(store.bucket()).key(key).contentLength((long) bytes.length).build(),
					new ByteArrayInputStream(bytes));
	}

	private static ObjectStore store(ZillizCloudEmulator emulator) {
		try {
			Field field = ZillizCloudEmulator.class.getDeclaredField("objects");
			field.setAccessible(true);
			return (ObjectStore) field.get(emulator);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
