package dev.jeeves.server.weather;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.jeeves.server.domain.Place;
import dev.jeeves.server.upstream.Upstream;
import io.helidon.metrics.api.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Open-Meteo lookups against a WireMock stub: a slow one holds no lock while it waits (on JDK 21-23 a virtual thread
 * in a {@code synchronized} block pins its carrier, and two slow lookups stopped the server), delays no other place,
 * and is shared by everyone asking for the same place at once.
 */
@Tag("functional")
class OpenMeteoClientIT {
    static final String BERLIN = """
            {"results":[{"name":"Berlin","country":"Germany","latitude":52.52,"longitude":13.41,
            "timezone":"Europe/Berlin"}]}""";

    WireMockServer openMeteo;
    OpenMeteoClient weather;

    @BeforeEach
    void start() {
        openMeteo = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        openMeteo.start();
        URI base = URI.create(openMeteo.baseUrl() + "/v1");
        weather = new OpenMeteoClient(
                new Upstream(Upstream.httpClient(Duration.ofSeconds(2)), MeterRegistry.create()),
                base,
                base,
                Duration.ofSeconds(5));
        openMeteo.stubFor(get(urlPathEqualTo("/v1/search")).atPriority(5).willReturn(okJson(BERLIN)));
    }

    @AfterEach
    void stop() {
        openMeteo.stop();
    }

    void slowPlace(String name, Duration delay) {
        openMeteo.stubFor(get(urlPathEqualTo("/v1/search"))
                .withQueryParam("name", equalTo(name))
                .atPriority(1)
                .willReturn(okJson("{\"results\":[]}").withFixedDelay((int) delay.toMillis())));
    }

    int lookupsOf(String name) {
        return openMeteo
                .findAll(getRequestedFor(urlPathEqualTo("/v1/search")).withQueryParam("name", equalTo(name)))
                .size();
    }

    @Test
    void waitsForASlowLookupHoldingNoLock() throws Exception {
        slowPlace("Slowtown", Duration.ofSeconds(2));
        CompletableFuture<Optional<Place>> found = new CompletableFuture<>();
        Thread caller = Thread.ofPlatform().start(() -> found.complete(weather.find("Slowtown")));
        await().atMost(Duration.ofSeconds(5)).until(() -> lookupsOf("Slowtown") == 1);
        ThreadInfo waiting =
                ManagementFactory.getThreadMXBean().getThreadInfo(new long[] {caller.threadId()}, true, false)[0];
        assertThat(waiting.getLockedMonitors())
                .as("monitors held by a thread waiting for Open-Meteo")
                .isEmpty();
        assertThat(found.get()).isEmpty();
    }

    @Test
    void aSlowLookupDelaysNoOtherPlace() throws Exception {
        slowPlace("Slowtown", Duration.ofSeconds(3));
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Optional<Place>>> slow = IntStream.range(0, 4)
                    .mapToObj(i -> callers.submit(() -> weather.find("Slowtown")))
                    .toList();
            await().atMost(Duration.ofSeconds(5)).until(() -> lookupsOf("Slowtown") == 1);
            long started = System.nanoTime();
            assertThat(weather.find("Berlin")).map(Place::label).contains("Berlin, Germany");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            for (Future<Optional<Place>> answer : slow) {
                assertThat(answer.get()).isEmpty();
            }
        }
        assertThat(lookupsOf("Slowtown")).as("four askers at once, one call").isEqualTo(1);
    }

    @Test
    void aFailedLookupIsNotRemembered() {
        openMeteo.stubFor(get(urlPathEqualTo("/v1/search"))
                .withQueryParam("name", equalTo("Flaky"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(404).withBody("{\"reason\":\"nope\"}")));
        assertThatThrownBy(() -> weather.find("Flaky"))
                .isInstanceOf(WeatherUnavailableException.class)
                .hasMessageContaining("HTTP 404");
        assertThatThrownBy(() -> weather.find("Flaky")).isInstanceOf(WeatherUnavailableException.class);
        assertThat(lookupsOf("Flaky")).isEqualTo(2);
    }

    @Test
    void aStopEndsTheWaitForALookup() throws Exception {
        slowPlace("Slowtown", Duration.ofSeconds(3));
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                weather.find("Slowtown");
                outcome.complete(null);
            } catch (RuntimeException e) {
                outcome.complete(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> lookupsOf("Slowtown") == 1);
        caller.interrupt();
        assertThat(outcome.get(1, java.util.concurrent.TimeUnit.SECONDS))
                .isInstanceOf(WeatherUnavailableException.class)
                .hasMessageContaining("interrupted");
    }
}
