package dev.jeeves.server.upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One call to a third party: its answer as given, its failure sorted, and every outcome timed by API. */
class UpstreamTest {
    WireMockServer api;
    MeterRegistry meters;
    Upstream upstream;

    @BeforeEach
    void start() {
        api = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        api.start();
        meters = MeterRegistry.create();
        upstream = new Upstream(Upstream.httpClient(Duration.ofSeconds(2)), meters);
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    HttpRequest request(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .timeout(timeout)
                .GET()
                .build();
    }

    /**
     * Calls timed with this API and outcome so far. Helidon's registries share their counts across the JVM (and PIT
     * runs a test many times in one): tests count from a baseline, read through {@code getOrCreate}, since a registry
     * sees a meter only once it has been asked for it.
     */
    long timed(String apiName, String outcome) {
        return meters.getOrCreate(Timer.builder("jeeves.upstream.calls")
                        .tags(List.of(Tag.create("api", apiName), Tag.create("outcome", outcome))))
                .count();
    }

    @Test
    void returnsAnyAnswerAsGivenAndTimesItByStatus() {
        api.stubFor(get(urlPathEqualTo("/ok")).willReturn(okJson("{\"ok\":true}")));
        api.stubFor(get(urlPathEqualTo("/gone")).willReturn(aResponse().withStatus(410)));
        long okBefore = timed("test-api", "200");
        long goneBefore = timed("test-api", "410");
        assertThat(upstream.send("test-api", request("/ok", Duration.ofSeconds(5)))
                        .body())
                .isEqualTo("{\"ok\":true}");
        assertThat(upstream.send("test-api", request("/gone", Duration.ofSeconds(5)))
                        .statusCode())
                .isEqualTo(410);
        assertThat(timed("test-api", "200") - okBefore).isEqualTo(1);
        assertThat(timed("test-api", "410") - goneBefore).isEqualTo(1);
    }

    @Test
    void followsNoRedirect() {
        api.stubFor(get(urlPathEqualTo("/moved"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", "https://elsewhere.example/")));
        assertThat(upstream.send("test-api", request("/moved", Duration.ofSeconds(5)))
                        .statusCode())
                .isEqualTo(302);
    }

    @Test
    void aSlowAnswerIsATransientTimeout() {
        api.stubFor(get(urlPathEqualTo("/slow")).willReturn(okJson("{}").withFixedDelay(2_000)));
        long before = timed("slow-api", "timeout");
        assertThatThrownBy(() -> upstream.send("slow-api", request("/slow", Duration.ofMillis(200))))
                .isInstanceOf(UpstreamException.Transient.class)
                .hasMessage("slow-api did not answer in time");
        assertThat(timed("slow-api", "timeout") - before).isEqualTo(1);
    }

    @Test
    void anUnreachableApiIsATransientError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closedPort + "/"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long before = timed("gone-api", "error");
        assertThatThrownBy(() -> upstream.send("gone-api", request))
                .isInstanceOf(UpstreamException.Transient.class)
                .hasMessageStartingWith("gone-api is unreachable: ");
        assertThat(timed("gone-api", "error") - before).isEqualTo(1);
    }

    @Test
    void aClientBuiltInTheBackgroundSendsAsWell() {
        api.stubFor(get(urlPathEqualTo("/ok")).willReturn(okJson("{}")));
        Upstream building = Upstream.buildingClient(Duration.ofSeconds(2), meters);
        assertThat(building.send("test-api", request("/ok", Duration.ofSeconds(5)))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anInterruptedCallKeepsTheInterruptAndIsNotRetryable() {
        api.stubFor(get(urlPathEqualTo("/slow")).willReturn(okJson("{}").withFixedDelay(2_000)));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> upstream.send("test-api", request("/slow", Duration.ofSeconds(5))))
                    .isExactlyInstanceOf(UpstreamException.class)
                    .hasMessage("test-api call interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
