package dev.jeeves.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Load balancers' probes and metric scrapes reuse one connection for request after request. Each answer must leave
 * as soon as it is written: when a response goes out in two small writes, Nagle's algorithm holds the second until
 * the client acknowledges the first, and the client delays that acknowledgement by up to 40 ms. Measured before the
 * fix: 44 ms per health probe on a keep-alive connection at any concurrency (23 requests per second on one).
 */
class KeepAliveIT extends FunctionalTest {
    private static final int REQUESTS = 100;

    @Test
    void answersProbesOneAfterAnotherOnOneConnectionWithoutStalling() throws Exception {
        assumeStubs(); // a remote deployment adds its network's round trips
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<URI> probes = List.of(
                jeeves.uri().resolve("/observe/health"),
                jeeves.uri().resolve("/observe/health/live"),
                jeeves.uri().resolve("/observe/health/ready"));
        for (URI probe : probes) {
            get(client, probe); // the connection is open and the handlers warm
            long started = System.nanoTime();
            for (int i = 0; i < REQUESTS; i++) {
                assertThat(get(client, probe)).as(probe.toString()).isEqualTo(200);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            // A few milliseconds each; 40 ms or more each (4 s) when answers wait for delayed acknowledgements.
            assertThat(took)
                    .as("%d requests to %s on one connection", REQUESTS, probe)
                    .isLessThan(Duration.ofSeconds(2));
        }
    }

    private static int get(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
