package dev.jeeves.server.support;

import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Times every request into {@code jeeves.http.requests}, tagged by method, route pattern (not the raw path, so
 * user ids do not explode the metric) and status: {@code curl -s localhost:8080/observe/metrics | grep jeeves_http}.
 * A method HTTP does not define is tagged {@code other}: anyone can make one up, before any authentication, and each
 * made-up method was a new series (nine meters) for as long as the server ran.
 */
public final class RequestMetrics implements Filter {
    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

    private final MeterRegistry meters;

    /** Creates the filter. */
    public RequestMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            meters.getOrCreate(Timer.builder("jeeves.http.requests")
                            .description("HTTP requests served, by method, route and status")
                            .tags(List.of(
                                    Tag.create(
                                            "method",
                                            method(req.prologue().method().text())),
                                    Tag.create("route", req.matchingPattern().orElse("unmatched")),
                                    Tag.create(
                                            "status",
                                            Integer.toString(res.status().code())))))
                    .record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The request's method if HTTP defines it, else {@code other}. */
    static String method(String requested) {
        return METHODS.contains(requested) ? requested : "other";
    }
}
