package dev.stagekit.client.upload;

/**
 * Which Alibaba Cloud OSS endpoint to upload to; ignored for every other cloud.
 *
 * @since 0.1.0
 */
public enum ConnectType {

	/** The internal endpoint when it answers, the public one otherwise. */
	AUTO,

	/** Always the internal endpoint ({@code oss-<region>-internal.aliyuncs.com}). */
	INTERNAL,

	/** Always the public endpoint ({@code oss-<region>.aliyuncs.com}). */
	PUBLIC

}
