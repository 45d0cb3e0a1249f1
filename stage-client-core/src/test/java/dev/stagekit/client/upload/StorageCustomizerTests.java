package dev.stagekit.client.upload;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.emulator.DataPlaneFault;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import static dev.stagekit.client.upload.UploadTestSupport.createVolume;
import static dev.stagekit.client.upload.UploadTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * S3 client customizers run after the engine's settings, and cannot undo what the engine enforces.
 */
class StorageCustomizerTests {

	@RegisterExtension
	static final UploadEmulator upload = UploadEmulator.create();

	private final ZillizCloudEmulator emulator = upload.emulator();

	private final ZillizCloudClients clients = upload.clients();

	@TempDir
	Path temp;

	@Test
	void uploadWhenCustomizerReplacesOverrideConfigurationShouldKeepTheEngineRetryPolicy() {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("policy.json"), "{\"id\": 1}");
		AtomicInteger intercepted = new AtomicInteger();
		ExecutionInterceptor counter = new ExecutionInterceptor() {

			@Override
			public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
				intercepted.incrementAndGet();
			}

		};
		emulator.inject(DataPlaneFault.slowDown().on("PutObject").times(100));
		emulator.resetRequestCounts();
		try (FileManagers files = FileManagers.builder(clients)
			.settings(UploadSettings.builder().retry(UploadTestSupport.FAST_RETRY.withMaxAttempts(3)).build())
			.trustStore(emulator.trustStore())
			// The obvious form replaces the whole override configuration, the SDK's retry strategy included.
			.s3ClientCustomizer((s3) -> s3.overrideConfiguration((o) -> o.addExecutionInterceptor(counter)))
			.build()) {
			assertThatExceptionOfType(StorageException.class).isThrownBy(() -> files.volume(volume).upload(file, ""))
				.withMessageContaining("after 3 attempts");
		}
		finally {
			emulator.clearFaults();
		}
		assertThat(emulator.requestCount("s3:PutObject")).isEqualTo(3);
		assertThat(intercepted).hasValue(3);
	}

}
