package dev.stagekit.client.job;

import org.jspecify.annotations.Nullable;

/**
 * An import job as listed.
 *
 * @param jobId the job id
 * @param collectionName the collection
 * @param state the state, e.g. {@code Completed}
 * @param progress the progress in percent, if reported
 * @since 0.1.0
 */
public record ImportJobSummary(String jobId, @Nullable String collectionName, String state,
		@Nullable Integer progress) {
}
