package dev.jeeves.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that connect and never finish: a connection with no request is closed after {@code
 * JEEVES_HTTP_IDLE_TIMEOUT}, a request whose headers or body stop halfway (or trickle in) after {@code
 * JEEVES_HTTP_REQUEST_TIMEOUT}, and the server answers everyone else meanwhile. (Before, a request line followed by
 * nothing held its connection forever.) Both timeouts are two seconds here; the defaults are on the Security page.
 */
@Tag("end-to-end")
class SlowClientsIT {
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** The timeout, Helidon's idle check (every quarter of it) and a busy machine's delay. */
    static final Duration CLOSED_WITHIN = Duration.ofSeconds(6);

    @TempDir
    static Path dataDir;

    static JeevesFixture jeeves;

    @BeforeAll
    static void start() {
        jeeves = JeevesFixture.start(
                dataDir,
                Map.of(
                        "JEEVES_HTTP_IDLE_TIMEOUT",
                        TIMEOUT.toString(),
                        "JEEVES_HTTP_REQUEST_TIMEOUT",
                        TIMEOUT.toString()));
    }

    @AfterAll
    static void stop() {
        jeeves.close();
    }

    @Test
    void closesAConnectionThatSendsNothing() throws Exception {
        try (Socket socket = connect()) {
            assertClosedAfterTheTimeout(socket);
        }
    }

    @Test
    void closesARequestWhoseHeadersStopHalfway() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "GET /observe/health HTTP/1.1\r\nHost: jeeves\r\n");
            assertClosedAfterTheTimeout(socket);
        }
    }

    @Test
    void closesARequestWhoseHeadersTrickleIn() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "GET /observe/health HTTP/1.1\r\nHost: jeeves\r\nX-Slow: ");
            Thread trickle = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        Thread.sleep(200); // what a slow-loris does: never quiet long enough to look idle
                        send(socket, "x");
                    }
                } catch (IOException | InterruptedException e) {
                    // the server closed it: what this test waits for
                }
            });
            assertClosedAfterTheTimeout(socket);
            trickle.interrupt();
        }
    }

    @Test
    void closesARequestWhoseBodyStopsHalfway() throws Exception {
        try (Socket socket = connect()) {
            send(
                    socket,
                    "POST /slack/events HTTP/1.1\r\nHost: jeeves\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100\r\n\r\n{\"type\":");
            assertThat(assertClosedAfterTheTimeout(socket))
                    .as("what the server answered")
                    .isEmpty();
        }
    }

    @Test
    void answersOthersWhileHalfSentRequestsWaitAndClosesThemAll() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 50; i++) {
                Socket socket = connect();
                slow.add(socket);
                send(socket, "GET /observe/health HTTP/1.1\r\n");
            }
            long sent = System.nanoTime();
            HttpResponse<String> health = client.send(
                    HttpRequest.newBuilder(jeeves.uri().resolve("/observe/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - sent))
                    .as("answered while they wait")
                    .isLessThan(TIMEOUT);
            for (Socket socket : slow) {
                assertThat(assertClosed(socket)).isEmpty();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(CLOSED_WITHIN);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void keepsAKeepAliveConnectionThatIsUsedWithinTheIdleTimeout() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI health = jeeves.uri().resolve("/observe/health/live");
        for (int i = 0; i < 3; i++) {
            assertThat(client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .isEqualTo(200);
            Thread.sleep(TIMEOUT.dividedBy(2)); // idle for less than the timeout: not a synchronisation
        }
    }

    private static Socket connect() throws IOException {
        Socket socket =
                new Socket(InetAddress.getLoopbackAddress(), jeeves.uri().getPort());
        socket.setSoTimeout((int) CLOSED_WITHIN.multipliedBy(2).toMillis());
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads until the server closes the connection, which must come after the timeout and soon after; what it sent. */
    private static String assertClosedAfterTheTimeout(Socket socket) throws IOException {
        long started = System.nanoTime();
        String received = assertClosed(socket);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("time until the server closed the connection")
                // Not at once; a second early at most: Helidon times idleness by a clock it updates once a second.
                .isGreaterThan(TIMEOUT.minusSeconds(1))
                .isLessThan(CLOSED_WITHIN);
        return received;
    }

    /** Reads until the server closes the connection; what it sent. */
    private static String assertClosed(Socket socket) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1024];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                received.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection was still open after " + CLOSED_WITHIN.multipliedBy(2), e);
        } catch (IOException e) {
            // a reset: closed as well
        }
        return received.toString(StandardCharsets.US_ASCII);
    }
}
