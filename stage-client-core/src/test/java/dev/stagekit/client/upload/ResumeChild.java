package dev.stagekit.client.upload;

import java.nio.file.Path;

import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.ZillizCloudClients;

/**
 * A separate JVM that starts a resumable upload and reports the bytes sent on stdout, so that a test can
 * kill it in the middle. Arguments: control-plane URL, API key, volume, file, target, checkpoint directory.
 */
public final class ResumeChild {

	private ResumeChild() {
	}

	public static void main(String[] args) {
		ZillizCloudClients clients = ZillizCloudClients
			.create(ZillizCloudClientSettings.builder().endpoint(args[0]).apiKey(args[1]).build());
		try (FileManagers files = FileManagers.builder(clients)
			.settings(UploadSettings.builder()
				.partConcurrency(1)
				.checkpointDirectory(Path.of(args[5]))
				.progressInterval(java.time.Duration.ofMillis(10))
				.build())
			.build()) {
			files.volume(args[2]).upload(UploadRequest.builder(Path.of(args[3]), args[4]).resumable(true)
				.progressListener((progress) -> {
					System.out.println("SENT " + progress.uploadedBytes());
					System.out.flush();
				})
				.build());
			System.out.println("DONE");
		}
	}

}
