package dev.stagekit.emulator.internal.collection;

import java.util.List;
import java.util.Optional;

/**
 * A collection's schema.
 *
 * @param autoId whether the primary key is generated
 * @param enableDynamicField whether rows may carry fields the schema does not name (kept in {@code $meta})
 * @param description the collection's description
 * @param fields its fields, in order
 */
public record CollectionSchema(boolean autoId, boolean enableDynamicField, String description,
		List<FieldSchema> fields) {

	/** The name Milvus gives the hidden field that holds dynamic fields. */
	public static final String META = "$meta";

	public CollectionSchema {
		fields = List.copyOf(fields);
	}

	public Optional<FieldSchema> field(String name) {
		return this.fields.stream().filter((field) -> field.name().equals(name)).findFirst();
	}

	public FieldSchema primaryField() {
		return this.fields.stream().filter(FieldSchema::primary).findFirst().orElseThrow();
	}

}
