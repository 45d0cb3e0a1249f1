package dev.stagekit.client.job;

import java.util.Objects;

import dev.stagekit.client.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * A field a merge job adds to the destination collection.
 *
 * @param fieldName the field name
 * @param dataType the type
 * @param maxLength the maximum length, required for {@link MergeDataType#VARCHAR} and refused otherwise
 * @since 0.1.0
 */
public record NewField(String fieldName, MergeDataType dataType, @Nullable Integer maxLength) {

	public NewField {
		Objects.requireNonNull(fieldName, "fieldName");
		Objects.requireNonNull(dataType, "dataType");
		if (dataType == MergeDataType.VARCHAR && (maxLength == null || maxLength < 1)) {
			throw new InvalidRequestException("newFields[" + fieldName + "].params.maxLength", maxLength,
					"a VARCHAR field needs a positive maximum length");
		}
		if (dataType != MergeDataType.VARCHAR && maxLength != null) {
			throw new InvalidRequestException("newFields[" + fieldName + "].params.maxLength", maxLength,
					"only VARCHAR fields take a maximum length, not " + dataType);
		}
	}

	/**
	 * A text field.
	 * @param fieldName the name
	 * @param maxLength the maximum length
	 * @return the field
	 */
	public static NewField varchar(String fieldName, int maxLength) {
		return new NewField(fieldName, MergeDataType.VARCHAR, maxLength);
	}

	/**
	 * A field of a type without parameters.
	 * @param fieldName the name
	 * @param dataType the type (not VARCHAR)
	 * @return the field
	 */
	public static NewField of(String fieldName, MergeDataType dataType) {
		return new NewField(fieldName, dataType, null);
	}

}
