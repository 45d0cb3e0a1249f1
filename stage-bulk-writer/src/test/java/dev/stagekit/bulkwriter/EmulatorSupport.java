package dev.stagekit.bulkwriter;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.emulator.ZillizCloudEmulator;

/**
 * Volumes and collections for the tests that run against the emulator (see core's {@code UploadEmulator}).
 */
final class EmulatorSupport {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private EmulatorSupport() {
	}

	static String createVolume(ZillizCloudClients clients) {
		String name = "bulk_" + SEQUENCE.incrementAndGet() + "_" + (System.nanoTime() % 100000);
		clients.volumes().create(CreateVolumeRequest.builder(name).build());
		return name;
	}

	/**
	 * Create a collection with this schema on the emulator's cluster, with the body of Milvus's
	 * {@code collections/create} (field types by their RESTful names, {@code dim}, {@code max_length}, ...).
	 */
	static void createCollection(ZillizCloudEmulator emulator, String name, CollectionSchema schema) {
		java.util.List<java.util.Map<String, Object>> fields = new java.util.ArrayList<>();
		for (FieldSchema field : schema.fields()) {
			java.util.Map<String, Object> node = new java.util.LinkedHashMap<>();
			node.put("fieldName", field.name());
			node.put("dataType", field.type().wireName());
			if (field.primaryKey()) {
				node.put("isPrimary", true);
			}
			if (field.nullable()) {
				node.put("nullable", true);
			}
			java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
			if (field.dimension() > 0) {
				params.put("dim", field.dimension());
			}
			if (field.maxLength() > 0) {
				params.put("max_length", field.maxLength());
			}
			DataType element = field.elementType();
			if (element != null) {
				node.put("elementDataType", element.wireName());
				params.put("max_capacity", field.maxCapacity());
			}
			if (!params.isEmpty()) {
				node.put("elementTypeParams", params);
			}
			fields.add(node);
		}
		java.util.Map<String, Object> body = java.util.Map.of("collectionName", name, "schema",
				java.util.Map.of("autoID", schema.primaryKey().autoId(), "enableDynamicField",
						schema.enableDynamicField(), "fields", fields));
		emulator.createCollection(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body));
	}

	/** Read a collection's schema back from the emulator's cluster, as an application would. */
	static CollectionSchema describe(ZillizCloudEmulator emulator, String name) {
		return new CollectionSchemaFetcher(emulator.clusterEndpoint(), dev.stagekit.client.ApiKey.of(emulator.apiKey()),
				org.springframework.web.reactive.function.client.WebClient.builder())
			.fetch(name, null)
			.block(Duration.ofSeconds(30));
	}

}
