package dev.jeeves.server.upstream;

import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Timer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One HTTP exchange with a third-party API, timed in the {@code jeeves.upstream.calls} metric and with its
 * failures sorted into retryable ({@link UpstreamException.Transient}) and not. Retries and circuit breaking
 * are the callers' (they differ: Slack dictates its own delay on 429).
 */
public final class Upstream {
    private final CompletableFuture<HttpClient> http;
    private final MeterRegistry meters;

    /** Creates the caller around a shared JDK HTTP client (which carries the connect timeout). */
    public Upstream(HttpClient http, MeterRegistry meters) {
        this(CompletableFuture.completedFuture(http), meters);
    }

    private Upstream(CompletableFuture<HttpClient> http, MeterRegistry meters) {
        this.http = http;
        this.meters = meters;
    }

    /**
     * Creates the caller while its HTTP client is built on a thread of its own: building one sets up TLS (the JDK's
     * default {@code SSLContext} reads the CA certificates), about 170 ms that the server's start-up need not wait
     * for, since nothing calls a third party before the first request.
     */
    public static Upstream buildingClient(Duration connectTimeout, MeterRegistry meters) {
        return new Upstream(
                CompletableFuture.supplyAsync(
                        () -> httpClient(connectTimeout),
                        task -> Thread.ofPlatform()
                                .daemon()
                                .name("jeeves-http-client")
                                .start(task)),
                meters);
    }

    /** Builds the HTTP client Jeeves uses for every third party. */
    public static HttpClient httpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends the request and returns the response, whatever its status.
     *
     * @param api short name of the API for metrics and messages, e.g. {@code geocoding}
     * @throws UpstreamException.Transient on timeout or I/O failure
     */
    public HttpResponse<String> send(String api, HttpRequest request) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            HttpResponse<String> response = http.join().send(request, HttpResponse.BodyHandlers.ofString());
            outcome = Integer.toString(response.statusCode());
            return response;
        } catch (HttpTimeoutException e) {
            outcome = "timeout";
            throw new UpstreamException.Transient(api + " did not answer in time", e);
        } catch (IOException e) {
            throw new UpstreamException.Transient(api + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(api + " call interrupted", e);
        } finally {
            meters.getOrCreate(Timer.builder("jeeves.upstream.calls")
                            .description("Calls to Slack and Open-Meteo, by API and HTTP status (or timeout/error)")
                            .tags(java.util.List.of(
                                    io.helidon.metrics.api.Tag.create("api", api),
                                    io.helidon.metrics.api.Tag.create("outcome", outcome))))
                    .record(Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
