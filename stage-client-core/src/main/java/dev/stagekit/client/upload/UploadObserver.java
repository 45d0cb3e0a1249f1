package dev.stagekit.client.upload;

import dev.stagekit.client.Kind;

/**
 * Observes uploads, for metrics or tracing: told when each upload starts and how it ends. Must be quick
 * and must not throw; it runs on the upload's threads.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface UploadObserver {

	/** Observes nothing. */
	UploadObserver NONE = (kind, name, targetPath) -> Observation.NONE;

	/**
	 * An upload starts.
	 * @param kind stage or volume
	 * @param name the stage or volume name
	 * @param targetPath the target path as requested (a directory, or a file for streamed uploads)
	 * @return the observation of this upload
	 */
	Observation start(Kind kind, String name, String targetPath);

	/**
	 * How one upload ended; exactly one method is called.
	 *
	 * @since 0.1.0
	 */
	interface Observation {

		/** Ignores the outcome. */
		Observation NONE = new Observation() {
		};

		/**
		 * The upload succeeded.
		 * @param result the result
		 */
		default void succeeded(UploadResult result) {
		}

		/**
		 * The upload failed.
		 * @param error the error
		 */
		default void failed(Throwable error) {
		}

		/** The upload was cancelled. */
		default void cancelled() {
		}

	}

}
