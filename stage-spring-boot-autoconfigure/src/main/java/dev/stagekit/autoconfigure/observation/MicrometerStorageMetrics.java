package dev.stagekit.autoconfigure.observation;

import java.time.Duration;
import java.util.Optional;

import dev.stagekit.autoconfigure.ZillizCloudStorageClientCustomizer;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

import org.springframework.core.Ordered;

/**
 * Publishes every object-storage request into Micrometer: the AWS SDK's own metrics ({@link MetricPublisher})
 * give the {@code zilliz.cloud.storage.requests} timer (per request, retries included in its duration; tags
 * {@code operation}, {@code outcome}), and the bytes each attempt sends go to the
 * {@code zilliz.cloud.storage.request.bytes} summary (tag {@code operation}). Added to the client's existing
 * override configuration, so that it neither replaces nor is replaced by other customizers' settings.
 */
final class MicrometerStorageMetrics implements ZillizCloudStorageClientCustomizer, Ordered {

	static final String REQUESTS = "zilliz.cloud.storage.requests";

	static final String BYTES = "zilliz.cloud.storage.request.bytes";

	private final MeterRegistry registry;

	private final Publisher publisher = new Publisher();

	private final Bytes bytes = new Bytes();

	MicrometerStorageMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void customize(S3AsyncClientBuilder builder) {
		builder.overrideConfiguration(builder.overrideConfiguration()
			.toBuilder()
			.addMetricPublisher(this.publisher)
			.addExecutionInterceptor(this.bytes)
			.build());
	}

	@Override
	public int getOrder() {
		return 0;
	}

	/** The SDK's per-call metrics: operation, duration, success. */
	private final class Publisher implements MetricPublisher {

		@Override
		public void publish(MetricCollection metrics) {
			String operation = first(metrics, CoreMetric.OPERATION_NAME).orElse("unknown");
			boolean successful = first(metrics, CoreMetric.API_CALL_SUCCESSFUL).orElse(false);
			Optional<Duration> duration = first(metrics, CoreMetric.API_CALL_DURATION);
			if (duration.isEmpty()) {
				return;
			}
			Timer.builder(REQUESTS)
				.description("Requests to the object store of Zilliz Cloud stages and volumes")
				.tag("operation", operation)
				.tag("outcome", successful ? "SUCCESS" : "FAILURE")
				.register(MicrometerStorageMetrics.this.registry)
				.record(duration.get());
		}

		@Override
		public void close() {
		}

		private static <T> Optional<T> first(MetricCollection metrics,
				software.amazon.awssdk.metrics.SdkMetric<T> metric) {
			return metrics.metricValues(metric).stream().findFirst();
		}

	}

	/** The payload bytes of each attempt: the decoded length of an aws-chunked body, else its length. */
	private final class Bytes implements ExecutionInterceptor {

		@Override
		public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
			Optional<String> length = context.httpRequest()
				.firstMatchingHeader("x-amz-decoded-content-length")
				.or(() -> context.httpRequest().firstMatchingHeader("Content-Length"));
			if (length.isEmpty()) {
				return;
			}
			long sent;
			try {
				sent = Long.parseLong(length.get());
			}
			catch (NumberFormatException ex) {
				return;
			}
			String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
			DistributionSummary.builder(BYTES)
				.description("Payload bytes sent per request to the object store of Zilliz Cloud stages and volumes")
				.baseUnit("bytes")
				.tag("operation", (operation != null) ? operation : "unknown")
				.register(MicrometerStorageMetrics.this.registry)
				.record(sent);
		}

	}

}
