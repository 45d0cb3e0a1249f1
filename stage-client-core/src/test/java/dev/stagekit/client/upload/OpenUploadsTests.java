package dev.stagekit.client.upload;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.stagekit.client.Kind;
import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.internal.ApplyResult;
import dev.stagekit.client.internal.ControlPlane;
import dev.stagekit.emulator.IncompleteUpload;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A multipart upload left open by a process killed mid-upload in the default (non-resumable) mode has no local
 * checkpoint: the file manager finds it in the store ({@code ListMultipartUploads} inside the applied prefix) and
 * aborts it.
 */
class OpenUploadsTests {

	private static ZillizCloudEmulator emulator;

	private static ZillizCloudClients clients;

	@BeforeAll
	static void start() {
		emulator = ZillizCloudEmulator.builder().advertisePlainHttp(true).start();
		clients = ZillizCloudClients.create(ZillizCloudClientSettings.builder()
			.endpoint(emulator.controlPlaneUrl())
			.apiKey(emulator.apiKey())
			.projectId(emulator.projectId())
			.regionId(emulator.regionId())
			.build());
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@Test
	void openUploadLeftByAKilledProcessShouldBeListedAndAborted() {
		clients.volumes().create(CreateVolumeRequest.builder("open_uploads").build());
		String leftOpen = leaveOpen("open_uploads", "batch/big.bin");
		try (FileManagers files = FileManagers.builder(clients).build()) {
			VolumeFileManager volume = files.volume("open_uploads");
			List<OpenUpload> open = volume.openUploads("");
			String prefix = emulator.volumePrefix("open_uploads").orElseThrow();
			assertThat(open).singleElement().satisfies((upload) -> {
				assertThat(upload.path()).isEqualTo("batch/big.bin");
				assertThat(upload.key()).isEqualTo(prefix + "batch/big.bin");
				assertThat(upload.uploadId()).isEqualTo(leftOpen);
			});
			assertThat(volume.openUploads("other/")).isEmpty();
			assertThat(emulator.incompleteUploads()).extracting(IncompleteUpload::uploadId).contains(leftOpen);

			volume.abort(open.get(0));

			assertThat(emulator.incompleteUploads()).extracting(IncompleteUpload::uploadId).doesNotContain(leftOpen);
			assertThat(volume.openUploads("")).isEmpty();
			assertThat(emulator.requestCount("s3:AbortMultipartUpload")).isEqualTo(1);
		}
	}

	/** What a killed process leaves: a multipart upload with one part stored and no Complete. */
	private static String leaveOpen(String volume, String path) {
		ApplyResult applied = ControlPlane.of(clients).apply(Kind.VOLUME, volume, "").block(Duration.ofSeconds(30));
		ApplyResult.StorageCredentials credentials = applied.credentials();
		try (S3AsyncClient s3 = S3AsyncClient.builder()
			.endpointOverride(URI.create(applied.endpoint()))
			.region(Region.of(applied.region()))
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(credentials.tmpAK(),
					credentials.tmpSK(), credentials.sessionToken())))
			.build()) {
			String key = applied.prefix() + path;
			String uploadId = s3.createMultipartUpload((b) -> b.bucket(applied.bucketName()).key(key)).join().uploadId();
			s3.uploadPart((b) -> b.bucket(applied.bucketName()).key(key).uploadId(uploadId).partNumber(1),
					AsyncRequestBody.fromBytes(new byte[5 * 1024 * 1024]))
				.join();
			return uploadId;
		}
	}

}
