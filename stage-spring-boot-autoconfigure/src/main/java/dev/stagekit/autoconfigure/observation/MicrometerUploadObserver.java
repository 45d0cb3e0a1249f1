package dev.stagekit.autoconfigure.observation;

import java.util.Locale;

import dev.stagekit.client.Kind;
import dev.stagekit.client.upload.UploadObserver;
import dev.stagekit.client.upload.UploadResult;
import io.micrometer.observation.ObservationRegistry;

/**
 * Observes every upload as a Micrometer {@code zilliz.cloud.upload} observation: its duration, with
 * low-cardinality {@code zilliz.kind} and {@code outcome} (success, failure, cancelled) and high-cardinality
 * {@code zilliz.name}, {@code zilliz.target}, {@code zilliz.files} and {@code zilliz.bytes}.
 *
 * @since 0.1.0
 */
public class MicrometerUploadObserver implements UploadObserver {

	/** The observation name. */
	public static final String NAME = "zilliz.cloud.upload";

	private final ObservationRegistry registry;

	/**
	 * Create the observer.
	 * @param registry the registry
	 */
	public MicrometerUploadObserver(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public UploadObserver.Observation start(Kind kind, String name, String targetPath) {
		String kindName = kind.name().toLowerCase(Locale.ROOT);
		io.micrometer.observation.Observation observation = io.micrometer.observation.Observation
			.createNotStarted(NAME, this.registry)
			.contextualName("upload to " + kindName)
			.lowCardinalityKeyValue("zilliz.kind", kindName)
			.highCardinalityKeyValue("zilliz.name", name)
			.highCardinalityKeyValue("zilliz.target", targetPath)
			.start();
		return new UploadObserver.Observation() {

			@Override
			public void succeeded(UploadResult result) {
				observation.lowCardinalityKeyValue("outcome", "success")
					.highCardinalityKeyValue("zilliz.files", String.valueOf(result.objects().size()))
					.highCardinalityKeyValue("zilliz.bytes", String.valueOf(result.uploadedBytes()))
					.stop();
			}

			@Override
			public void failed(Throwable error) {
				observation.lowCardinalityKeyValue("outcome", "failure").error(error).stop();
			}

			@Override
			public void cancelled() {
				observation.lowCardinalityKeyValue("outcome", "cancelled").stop();
			}

		};
	}

}
