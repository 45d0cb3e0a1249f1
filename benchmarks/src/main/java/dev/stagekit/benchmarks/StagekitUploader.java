package dev.stagekit.benchmarks;

import java.util.function.Consumer;

import javax.net.ssl.TrustManager;

import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.upload.FileManagers;
import dev.stagekit.client.upload.UploadResult;
import dev.stagekit.client.upload.UploadSettings;
import dev.stagekit.client.upload.VolumeFileManager;
import io.netty.handler.ssl.SslProvider;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

/**
 * Ours: {@code FileManagers.volume(v).upload(dir, target)}, one {@code apply} per upload, timed end to end. The Netty
 * client is pinned to the JDK's TLS, what an application without netty-tcnative on its class path gets (this program
 * carries tcnative for one prototype only).
 */
final class StagekitUploader implements Uploader {

	private final String id;

	private final String label;

	private final UploadSettings settings;

	private final FileManagers files;

	private final VolumeFileManager manager;

	StagekitUploader(String id, String label, ZillizCloudClients clients, String volume, UploadSettings settings,
			TrustManager[] trust, Consumer<S3AsyncClientBuilder> s3Customizer) {
		this.id = id;
		this.label = label;
		this.settings = settings;
		FileManagers.Builder builder = FileManagers.builder(clients)
			.settings(settings)
			.httpClientCustomizer((http) -> http.sslProvider(SslProvider.JDK).tlsTrustManagersProvider(() -> trust));
		if (s3Customizer != null) {
			builder.s3ClientCustomizer(s3Customizer);
		}
		this.files = builder.build();
		this.manager = this.files.volume(volume);
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public String label() {
		return this.label;
	}

	@Override
	public String concurrency() {
		return this.settings.fileConcurrency() + " × " + this.settings.partConcurrency();
	}

	@Override
	public boolean appliesPerUpload() {
		return true;
	}

	@Override
	public void upload(Workload workload, String target) {
		UploadResult result = this.manager.upload(workload.dir, target);
		if (result.uploadedBytes() != workload.bytes || result.objects().size() != workload.files.size()) {
			throw new IllegalStateException(this.id + " uploaded " + result.uploadedBytes() + " bytes in "
					+ result.objects().size() + " objects, expected " + workload.bytes + " in " + workload.files.size());
		}
	}

	@Override
	public void close() {
		this.files.close();
	}

}
