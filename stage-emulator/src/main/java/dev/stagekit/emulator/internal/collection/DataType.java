package dev.stagekit.emulator.internal.collection;

import java.util.Arrays;
import java.util.Optional;

/**
 * The field data types a collection schema may use, named as Milvus names them on the wire
 * ({@code schemapb.DataType}; case-sensitive, as Milvus matches them).
 */
public enum DataType {

	Bool, Int8, Int16, Int32, Int64, Float, Double, VarChar, JSON, Array,
	BinaryVector, FloatVector, Float16Vector, BFloat16Vector, SparseFloatVector;

	/** The type with exactly this wire name. */
	public static Optional<DataType> of(String name) {
		return Arrays.stream(values()).filter((type) -> type.name().equals(name)).findFirst();
	}

	public boolean isVector() {
		return this == BinaryVector || this == FloatVector || this == Float16Vector || this == BFloat16Vector
				|| this == SparseFloatVector;
	}

	/** Whether vectors of this type carry a {@code dim}. */
	public boolean hasDim() {
		return isVector() && this != SparseFloatVector;
	}

	public boolean isInteger() {
		return this == Int8 || this == Int16 || this == Int32 || this == Int64;
	}

	/** Whether this type may be an {@code Array}'s element type. */
	public boolean isArrayElement() {
		return this == Bool || isInteger() || this == Float || this == Double || this == VarChar;
	}

	/** The smallest value an integer type holds. */
	public long min() {
		return switch (this) {
			case Int8 -> Byte.MIN_VALUE;
			case Int16 -> Short.MIN_VALUE;
			case Int32 -> Integer.MIN_VALUE;
			default -> Long.MIN_VALUE;
		};
	}

	/** The largest value an integer type holds. */
	public long max() {
		return switch (this) {
			case Int8 -> Byte.MAX_VALUE;
			case Int16 -> Short.MAX_VALUE;
			case Int32 -> Integer.MAX_VALUE;
			default -> Long.MAX_VALUE;
		};
	}

}
