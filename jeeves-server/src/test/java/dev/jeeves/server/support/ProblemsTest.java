package dev.jeeves.server.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jeeves.api.Json;
import io.helidon.http.BadRequestException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every failure a route can meet leaves as a problem document: ours with its status and headers, Helidon's refusals
 * with theirs, a dependency's as 503, and anything else as a 500 that tells the client an id and nothing more. Each
 * request is timed by method, route and status.
 */
@RoutingTest
class ProblemsTest {
    static final MeterRegistry METERS = MeterRegistry.create();

    /** A dependency that is down, as the database's or an upstream's exception says so. */
    static final class DownException extends RuntimeException {
        DownException(String message) {
            super(message);
        }
    }

    private final DirectClient client;

    ProblemsTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        Problems.register(routing);
        routing.error(DownException.class, Problems.unavailable(e -> "the widget store is down: " + e.getMessage()))
                .addFilter(new RequestMetrics(METERS))
                .get("/fine", (req, res) -> res.send("fine"))
                .get("/ours", (req, res) -> {
                    throw new ProblemException(
                            Status.CONFLICT_409, "already there", java.util.Map.of("Retry-After", "3"));
                })
                .get("/helidon-400", (req, res) -> {
                    throw new BadRequestException("the query cannot be read");
                })
                .get("/helidon-503", (req, res) -> {
                    throw new HttpException("upstream gone", Status.SERVICE_UNAVAILABLE_503);
                })
                .get("/down", (req, res) -> {
                    throw new DownException("connection refused");
                })
                .get("/bug", (req, res) -> {
                    throw new IllegalStateException("secret internals");
                })
                .any("/only-get", Problems.onlyMethods("GET"));
    }

    record Answer(Status status, String contentType, String header, JsonNode problem) {
        String detail() {
            return problem.path("detail").asText();
        }
    }

    Answer get(String path, String header) {
        try (Http1ClientResponse response = client.get(path).request()) {
            return new Answer(
                    response.status(),
                    response.headers().contentType().map(Object::toString).orElse(""),
                    response.headers().first(HeaderNames.create(header)).orElse(""),
                    Json.MAPPER.readTree(response.as(String.class)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void answersOurProblemWithItsStatusAndHeaders() {
        Answer answer = get("/ours", "Retry-After");
        assertThat(answer.status()).isEqualTo(Status.CONFLICT_409);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.header()).isEqualTo("3");
        assertThat(answer.detail()).isEqualTo("already there");
        assertThat(answer.problem().path("instance").asText()).isEqualTo("/ours");
    }

    @Test
    void answersAPathNothingServesNamingTheApiDescription() {
        Answer answer = get("/nowhere", "Allow");
        assertThat(answer.status()).isEqualTo(Status.NOT_FOUND_404);
        assertThat(answer.detail()).isEqualTo("no endpoint GET /nowhere (the HTTP API is described at /openapi)");
    }

    @Test
    void answersHelidonsRefusalWithItsStatusAndReason() {
        Answer answer = get("/helidon-400", "Allow");
        assertThat(answer.status()).isEqualTo(Status.BAD_REQUEST_400);
        assertThat(answer.detail()).isEqualTo("the query cannot be read");
    }

    @Test
    void answersAFailureWithAnIdAndNoInternals() {
        for (String path : List.of("/bug", "/helidon-503")) {
            Answer answer = get(path, "Allow");
            assertThat(answer.status().family()).isEqualTo(Status.Family.SERVER_ERROR);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.detail())
                    .matches("Jeeves failed to handle this request \\(error id [0-9a-f-]{36}\\)")
                    .doesNotContain("secret", "upstream gone");
        }
    }

    @Test
    void answersADependencyThatIsDownWith503SayingWhich() {
        Answer answer = get("/down", "Allow");
        assertThat(answer.status()).isEqualTo(Status.SERVICE_UNAVAILABLE_503);
        assertThat(answer.detail()).startsWith("the widget store is down: connection refused (error id ");
    }

    @Test
    void answersAMethodAPathDoesNotTakeWith405AndAllow() {
        try (Http1ClientResponse response = client.delete("/only-get").request()) {
            assertThat(response.status()).isEqualTo(Status.METHOD_NOT_ALLOWED_405);
            assertThat(response.headers().first(HeaderNames.ALLOW)).contains("GET");
        }
    }

    @Test
    void timesEachRequestByMethodRouteAndStatus() {
        Timer timer = METERS.getOrCreate(Timer.builder("jeeves.http.requests")
                .tags(List.of(Tag.create("method", "GET"), Tag.create("route", "/fine"), Tag.create("status", "200"))));
        long before = timer.count();
        double timeBefore = timer.totalTime(TimeUnit.NANOSECONDS);
        try (Http1ClientResponse response = client.get("/fine").request()) {
            assertThat(response.as(String.class)).isEqualTo("fine");
        }
        // The filter records once the response has gone, which may be just after the client read it.
        await().atMost(Duration.ofSeconds(5)).until(() -> timer.count() == before + 1);
        assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isGreaterThan(timeBefore);
    }

    @Test
    void countsAMethodHttpDoesNotDefineAsOther() {
        assertThat(RequestMetrics.method("GET")).isEqualTo("GET");
        assertThat(RequestMetrics.method("PATCH")).isEqualTo("PATCH");
        assertThat(RequestMetrics.method("BREW")).isEqualTo("other");
    }
}
