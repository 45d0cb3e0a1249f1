package dev.stagekit.bulkwriter;

import dev.stagekit.client.ZillizCloudException;

/**
 * A row was refused before anything of it was written: it does not match the collection schema. The
 * writer stays usable; earlier rows are kept.
 *
 * @since 0.1.0
 */
public final class InvalidRowException extends ZillizCloudException {

	private static final long serialVersionUID = 1L;

	private final long rowNumber;

	private final String field;

	/**
	 * Create an exception.
	 * @param rowNumber the row's number in the batch, counting from 1
	 * @param field the offending field
	 * @param problem what is wrong with it
	 */
	public InvalidRowException(long rowNumber, String field, String problem) {
		super("Row " + rowNumber + " refused, field '" + field + "': " + problem
				+ ". Nothing of this row was written; fix it and append it again.", null);
		this.rowNumber = rowNumber;
		this.field = field;
	}

	/**
	 * Return the row's number in the batch, counting from 1.
	 * @return the row number
	 */
	public long rowNumber() {
		return this.rowNumber;
	}

	/**
	 * Return the offending field.
	 * @return the field name
	 */
	public String field() {
		return this.field;
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
