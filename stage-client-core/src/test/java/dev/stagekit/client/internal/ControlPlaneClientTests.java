package dev.stagekit.client.internal;

import java.time.Duration;
import java.util.Map;

import dev.stagekit.client.MalformedResponseException;
import dev.stagekit.client.ZillizCloudApiException;
import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control-plane HTTP client's envelope decoding and error mapping, against the real emulator.
 */
class ControlPlaneClientTests {

	private static final Duration VERIFY = Duration.ofSeconds(15);

	private static ZillizCloudEmulator emulator;

	private static ControlPlaneClient client;

	@BeforeAll
	static void startEmulator() {
		emulator = ZillizCloudEmulator.builder().start();
		client = new ControlPlaneClient(ZillizCloudClientSettings.builder()
			.endpoint(emulator.controlPlaneUrl())
			.apiKey(emulator.apiKey())
			.projectId(emulator.projectId())
			.build(), WebClient.builder(), null, (builder) -> {
		});
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@Test
	void callWhenEndpointUnknownShouldRaiseHttp404() {
		StepVerifier
			.create(client.exchange(HttpMethod.GET, "/v2/unknown", Map.of(), null, (data) -> data))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ZillizCloudApiException.class, (api) -> {
				assertThat(api.httpStatus()).isEqualTo(404);
				assertThat(api.isTransient()).isFalse();
				assertThat(api.getMessage()).contains("GET /v2/unknown");
			}))
			.verify(VERIFY);
	}

	@Test
	void decodeWhenDataLacksFieldShouldRaiseMalformedResponseNamingIt() {
		StepVerifier.create(client
			.exchange(HttpMethod.GET, "/v2/volumes", Map.of("projectId", emulator.projectId()), null, (data) -> {
				throw new IllegalArgumentException("a string field 'nope'");
			}))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MalformedResponseException.class)
				.hasMessageContaining("GET /v2/volumes")
				.hasMessageContaining("expected a string field 'nope' in 'data'"))
			.verify(VERIFY);
	}

}
