package dev.stagekit.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.stagekit.emulator.ZillizCloudEmulator;

/**
 * The local Zilliz Cloud the sample runs against when no API key is given, and the properties that point
 * the starter at it. Its HTTPS data plane is trusted through a Spring Boot SSL bundle, as a private CA would be.
 */
final class EmbeddedEmulator {

	private EmbeddedEmulator() {
	}

	static ZillizCloudEmulator start() {
		return ZillizCloudEmulator.builder().importDuration(Duration.ofMillis(1500)).start();
	}

	/** The collection the journey imports into, unless {@code --sample.collection} names another. */
	static final String COLLECTION = "sample_collection";

	/**
	 * Creates the sample's collection, as a user creates theirs once in the console or with a Milvus client:
	 * the emulator, like Zilliz Cloud, refuses imports into a collection that does not exist or whose schema
	 * the files do not match.
	 * @param emulator the emulator
	 */
	static void createCollection(ZillizCloudEmulator emulator) {
		emulator.createCollection("{\"collectionName\": \"" + COLLECTION + "\", \"schema\": {\"autoId\": false, "
				+ "\"enableDynamicField\": true, \"fields\": ["
				+ "{\"fieldName\": \"id\", \"dataType\": \"Int64\", \"isPrimary\": true}, "
				+ "{\"fieldName\": \"title\", \"dataType\": \"VarChar\", \"elementTypeParams\": {\"max_length\": 256}}, "
				+ "{\"fieldName\": \"vector\", \"dataType\": \"FloatVector\", \"elementTypeParams\": {\"dim\": "
				+ SampleData.DIMENSION + "}}]}}");
	}

	/**
	 * Command-line style properties pointing the starter at an emulator, whose sample collection this creates.
	 * @param emulator the emulator
	 * @return {@code --name=value} arguments
	 */
	static List<String> arguments(ZillizCloudEmulator emulator) {
		Path ca;
		try {
			ca = Files.createTempFile("zilliz-emulator-ca", ".pem");
			ca.toFile().deleteOnExit();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		emulator.writeCaCertificate(ca);
		createCollection(emulator);
		return List.of("--zilliz.cloud.endpoint=" + emulator.controlPlaneUrl(),
				"--zilliz.cloud.api-key=" + emulator.apiKey(), "--zilliz.cloud.project-id=" + emulator.projectId(),
				"--zilliz.cloud.region-id=" + emulator.regionId(), "--zilliz.cloud.cluster-id=" + emulator.clusterId(),
				"--spring.ssl.bundle.pem.zilliz-emulator.truststore.certificate=file:" + ca,
				"--zilliz.cloud.upload.ssl-bundle=zilliz-emulator");
	}

}
