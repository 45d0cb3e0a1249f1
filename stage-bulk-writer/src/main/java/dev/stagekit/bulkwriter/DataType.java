package dev.stagekit.bulkwriter;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Milvus field types, with the names the RESTful API uses ({@code Int64}, {@code FloatVector}, ...).
 *
 * @since 0.1.0
 */
public enum DataType {

	/** 8-bit signed integer. */
	INT8("Int8"),

	/** 16-bit signed integer. */
	INT16("Int16"),

	/** 32-bit signed integer. */
	INT32("Int32"),

	/** 64-bit signed integer. */
	INT64("Int64"),

	/** 32-bit float. */
	FLOAT("Float"),

	/** 64-bit float. */
	DOUBLE("Double"),

	/** Boolean. */
	BOOL("Bool"),

	/** UTF-8 string with a maximum length in bytes. */
	VARCHAR("VarChar"),

	/** A JSON value. */
	JSON("JSON"),

	/** An array of scalars of one element type. */
	ARRAY("Array"),

	/** Dense vector of 32-bit floats. */
	FLOAT_VECTOR("FloatVector"),

	/** Dense vector of IEEE half-precision floats. */
	FLOAT16_VECTOR("Float16Vector"),

	/** Dense vector of bfloat16 values. */
	BFLOAT16_VECTOR("BFloat16Vector"),

	/** Dense vector of bits, {@code dim / 8} bytes. */
	BINARY_VECTOR("BinaryVector"),

	/** Sparse vector of (index, float) pairs. */
	SPARSE_FLOAT_VECTOR("SparseFloatVector");

	private final String wireName;

	DataType(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * Return the name the RESTful API uses.
	 * @return the wire name
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Whether this is a vector type.
	 * @return whether values are vectors
	 */
	public boolean isVector() {
		return this == FLOAT_VECTOR || this == FLOAT16_VECTOR || this == BFLOAT16_VECTOR || this == BINARY_VECTOR
				|| this == SPARSE_FLOAT_VECTOR;
	}

	/**
	 * Whether this is an integer type.
	 * @return whether values are integers
	 */
	public boolean isInteger() {
		return this == INT8 || this == INT16 || this == INT32 || this == INT64;
	}

	/**
	 * Whether the type needs a dimension.
	 * @return whether {@code dim} is required
	 */
	public boolean hasDimension() {
		return isVector() && this != SPARSE_FLOAT_VECTOR;
	}

	/**
	 * Whether this type may be an array element.
	 * @return whether arrays of it exist
	 */
	public boolean isArrayElement() {
		return isInteger() || this == FLOAT || this == DOUBLE || this == BOOL || this == VARCHAR;
	}

	/**
	 * Find a type by its RESTful name ({@code Int64}) or its constant name ({@code INT64}), ignoring case.
	 * @param name the name
	 * @return the type, or {@code null} if unknown
	 */
	public static @Nullable DataType fromName(String name) {
		String wanted = name.replace("_", "").toLowerCase(Locale.ROOT);
		for (DataType type : values()) {
			if (type.wireName.toLowerCase(Locale.ROOT).equals(wanted)
					|| type.name().replace("_", "").toLowerCase(Locale.ROOT).equals(wanted)) {
				return type;
			}
		}
		return null;
	}

}
