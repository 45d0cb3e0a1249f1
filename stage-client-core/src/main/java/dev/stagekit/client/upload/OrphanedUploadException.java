package dev.stagekit.client.upload;

import dev.stagekit.client.ZillizCloudException;
import org.jspecify.annotations.Nullable;

/**
 * A multipart upload could not be aborted after its upload failed: it stays open in the object store (its parts
 * take space until the store's lifecycle rule removes them). Attached as a suppressed exception to the failure
 * of the upload; its {@link #key()} and {@link #uploadId()} let the caller abort it later.
 *
 * @since 0.1.0
 */
public final class OrphanedUploadException extends ZillizCloudException {

	private static final long serialVersionUID = 1L;

	private final String key;

	private final String uploadId;

	/**
	 * Create the exception.
	 * @param key the object key of the open multipart upload
	 * @param uploadId its upload id
	 * @param cause why the abort failed
	 */
	public OrphanedUploadException(String key, String uploadId, @Nullable Throwable cause) {
		super("The multipart upload of '" + key + "' (upload id " + uploadId + ") could not be aborted and stays "
				+ "open in the object store" + ((cause != null) ? " (" + cause.getMessage() + ")" : "")
				+ "; abort it with AbortMultipartUpload for this key and upload id, or let the bucket's lifecycle "
				+ "rule for incomplete multipart uploads remove it.", cause);
		this.key = key;
		this.uploadId = uploadId;
	}

	/**
	 * Return the object key of the open multipart upload.
	 * @return the key
	 */
	public String key() {
		return this.key;
	}

	/**
	 * Return the id of the open multipart upload.
	 * @return the upload id
	 */
	public String uploadId() {
		return this.uploadId;
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
