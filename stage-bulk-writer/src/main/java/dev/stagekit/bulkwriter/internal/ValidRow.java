package dev.stagekit.bulkwriter.internal;

import org.jspecify.annotations.Nullable;

/**
 * A row that passed the schema check, with its values normalised per written field: {@code Long} for
 * integers, {@code Float}, {@code Double}, {@code Boolean}, {@code String} (VARCHAR, and JSON as JSON
 * text), {@code List} for arrays, {@code float[]} for float vectors, {@code byte[]} for binary, float16
 * and bfloat16 vectors (little-endian), {@link SparseVector} for sparse vectors; {@code null} for a
 * missing optional value.
 *
 * @param values one value per written field, in schema order
 * @param meta the dynamic fields as a JSON object text, or {@code null} without dynamic fields
 */
public record ValidRow(@Nullable Object[] values, @Nullable String meta) {

	/**
	 * A sparse vector with indices in ascending order.
	 *
	 * @param indices the indices
	 * @param values the values
	 */
	public record SparseVector(long[] indices, float[] values) {

	}

}
