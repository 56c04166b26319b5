package dev.jeeves.load;

import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * How fast this machine is right now, measured on {@link BareRoute} just before a simulation: {@code users} clients
 * post to it as fast as they can, and the requests per second they get is the yardstick the simulation's throughput
 * budget is a fraction of. A busy machine (another build on the cores) slows the yardstick as much as Jeeves, so the
 * budget moves with it. It catches a Jeeves that collapses, not one that became a few times costlier: Gatling and the
 * client take most of the cores, so Jeeves' own cost barely shows in its throughput. {@link AskCostIT} catches that.
 *
 * <pre>{@code
 * double bare = BaselineCalibration.requestsPerSecond(8, Duration.ofSeconds(3));
 * // Ask must manage at least LoadProfile.ratio("ask", 0.05) * bare requests per second
 * }</pre>
 */
final class BaselineCalibration {
    private BaselineCalibration() {}

    /** Requests per second {@code users} clients get from a fresh bare route, after a warm-up as long again. */
    static double requestsPerSecond(int users, Duration duration) {
        WebServer bare = BareRoute.start();
        try (HttpClient http = HttpClient.newHttpClient()) {
            URI uri = URI.create("http://127.0.0.1:" + bare.port() + "/api/messages");
            hammer(http, uri, users, duration); // the JIT's turn
            return hammer(http, uri, users, duration) / (duration.toNanos() / 1e9);
        } finally {
            bare.stop();
        }
    }

    private static long hammer(HttpClient http, URI uri, int users, Duration duration) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"U0BASE\",\"text\":\"help\"}"))
                .build();
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder answered = new LongAdder();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            clients.add(Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    try {
                        if (http.send(request, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200) {
                            answered.increment();
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException("the bare route failed: " + e.getMessage(), e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        try {
            Thread.sleep(duration); // the measured interval itself, not a wait for something to happen
            running.set(false);
            for (Thread client : clients) {
                client.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return answered.sum();
    }
}
