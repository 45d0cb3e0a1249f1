package dev.stagekit.client.internal;

import java.time.Duration;
import java.util.List;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.job.JobFailedException;
import dev.stagekit.client.job.JobState;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one job poller: describes a job every poll interval and emits each change of state or progress,
 * completing after success and failing with {@link JobFailedException} on failure. Import and merge jobs
 * both follow it.
 */
final class JobPoller {

	private JobPoller() {
	}

	static <T extends JobState> Flux<T> await(Mono<T> describe, Duration pollInterval) {
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			return Flux.error(new InvalidRequestException("pollInterval", pollInterval, "must be positive"));
		}
		return describe.repeatWhen((completions) -> completions.delayElements(pollInterval))
			.distinctUntilChanged((job) -> List.of(job.state(), job.progress()))
			.<T>handle((job, sink) -> {
				if (job.isFailed()) {
					sink.error(new JobFailedException(job));
				}
				else {
					sink.next(job);
				}
			})
			.takeUntil(JobState::isDone);
	}

}
