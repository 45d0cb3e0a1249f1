package dev.stagekit.emulator.internal.collection;

import org.jspecify.annotations.Nullable;

/**
 * One field of a collection schema.
 *
 * @param id the field id, from 100 as Milvus numbers user fields
 * @param name the field name (case-sensitive)
 * @param dataType its type
 * @param primary whether it is the primary key
 * @param autoId whether the primary key is generated (primary key only)
 * @param partitionKey whether it is the partition key
 * @param nullable whether rows may leave it null
 * @param hasDefault whether it has a default value (rows may leave it out)
 * @param dim vector dimension, 0 when not a dense vector
 * @param maxLength VarChar (or VarChar element) maximum length in bytes, 0 when not VarChar
 * @param elementType an Array's element type, else {@code null}
 * @param maxCapacity an Array's maximum number of elements, else 0
 */
public record FieldSchema(long id, String name, DataType dataType, boolean primary, boolean autoId,
		boolean partitionKey, boolean nullable, boolean hasDefault, int dim, int maxLength,
		@Nullable DataType elementType, int maxCapacity) {

	/** Whether every row of an import must give this field a value. */
	public boolean required() {
		return !(this.primary && this.autoId) && !this.nullable && !this.hasDefault;
	}

	/** The same field under another id. */
	public FieldSchema withId(long newId) {
		return new FieldSchema(newId, this.name, this.dataType, this.primary, this.autoId, this.partitionKey,
				this.nullable, this.hasDefault, this.dim, this.maxLength, this.elementType, this.maxCapacity);
	}

	/** Its type as import messages name it, for example {@code FloatVector} or {@code Int64 Array}. */
	public String typeName() {
		return (this.elementType != null) ? this.elementType.name() + " " + this.dataType.name()
				: this.dataType.name();
	}

}
