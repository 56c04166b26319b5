package dev.jeeves.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One request and its answer: what the CLI's user is told when the answer is not a 2xx, or does not come. */
class HttpExchangeTest {
    private HttpServer server;
    private final List<String> trace = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", exchange -> answer(exchange, 200, "fine"));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/ok");
            answer(exchange, 302, "");
        });
        server.createContext("/bad", exchange -> answer(exchange, 400, "{\"status\":400,\"detail\":\"no text\"}"));
        server.createContext("/empty-404", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "late");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private HttpExchange exchange(Duration readTimeout) {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new HttpExchange(uri, HttpExchange.CONNECT_TIMEOUT, readTimeout, trace::add);
    }

    @Test
    void tracesTheRequestAndItsAnswerWithTheTimeItTook() {
        long started = System.nanoTime();
        assertThat(exchange(HttpExchange.READ_TIMEOUT).send("GET", "/ok", Map.of(), null))
                .isEqualTo(new HttpExchange.Response(200, "fine"));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        String sent = "GET http://127.0.0.1:" + server.getAddress().getPort() + "/ok";
        assertThat(trace).hasSize(2).first().isEqualTo(sent);
        Matcher answered =
                Pattern.compile(Pattern.quote(sent) + " -> 200 \\((\\d+) ms\\)").matcher(trace.get(1));
        assertThat(answered.matches()).as(trace.get(1)).isTrue();
        assertThat(Long.parseLong(answered.group(1))).isBetween(0L, elapsedMillis);
    }

    @Test
    void answersARedirectItselfRatherThanFollowIt() {
        assertThat(exchange(HttpExchange.READ_TIMEOUT)
                        .send("GET", "/moved", Map.of(), null)
                        .status())
                .isEqualTo(302);
    }

    @Test
    void readsTheProblemOfAFourHundredAndSaysItsDetail() {
        HttpExchange.Response response = exchange(HttpExchange.READ_TIMEOUT).send("POST", "/bad", Map.of(), "{}");
        assertThat(response.status()).isEqualTo(400);
        assertThatThrownBy(response::checked).isInstanceOf(ApiException.class).hasMessage("no text");
    }

    @Test
    void saysTheStatusOfAnErrorWithoutABody() {
        HttpExchange.Response response = exchange(HttpExchange.READ_TIMEOUT).send("GET", "/empty-404", Map.of(), null);
        assertThat(response).isEqualTo(new HttpExchange.Response(404, ""));
        assertThatThrownBy(response::checked)
                .isInstanceOf(ApiException.class)
                .hasMessage("HTTP 404")
                .extracting(e -> ((ApiException) e).httpStatus())
                .isEqualTo(404);
    }

    @Test
    void givesUpOnAServerThatDoesNotAnswerInTime() {
        assertThatThrownBy(() -> exchange(Duration.ofMillis(200)).send("GET", "/slow", Map.of(), null))
                .isInstanceOf(ApiException.class)
                .hasMessageEndingWith("did not answer in time");
    }

    @Test
    void saysHowToStartJeevesWhenNothingListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpExchange refused = new HttpExchange(
                URI.create("http://127.0.0.1:" + closedPort),
                HttpExchange.CONNECT_TIMEOUT,
                HttpExchange.READ_TIMEOUT,
                trace::add);
        assertThatThrownBy(() -> refused.send("GET", "/ok", Map.of(), null))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("connection refused")
                .hasMessageEndingWith("start it with \"jeeves serve\"");
    }

    @Test
    void aServerAddressItCannotOpenIsAnErrorNotACrash() {
        HttpExchange unknownScheme = new HttpExchange(
                URI.create("jeeves://127.0.0.1"), HttpExchange.CONNECT_TIMEOUT, HttpExchange.READ_TIMEOUT, trace::add);
        assertThatThrownBy(() -> unknownScheme.send("GET", "/ok", Map.of(), null))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("cannot talk to Jeeves at jeeves://127.0.0.1");
    }

    @Test
    void prefixesRefusalsSoTheUserKnowsItIsAboutCredentials() {
        String problem = "{\"status\":%d,\"detail\":\"nope\"}";
        assertThatThrownBy(() -> new HttpExchange.Response(401, problem.formatted(401)).checked())
                .hasMessage("not authorized: nope")
                .matches(e -> ((ApiException) e).notAuthorized());
        assertThatThrownBy(() -> new HttpExchange.Response(403, problem.formatted(403)).checked())
                .hasMessage("not allowed: nope")
                .matches(e -> ((ApiException) e).notAuthorized());
        assertThatThrownBy(() -> new HttpExchange.Response(409, problem.formatted(409)).checked())
                .hasMessage("nope")
                .matches(e -> !((ApiException) e).notAuthorized());
    }

    @Test
    void aProblemWithoutADetailOrNotJsonIsSaidByItsStatus() {
        assertThatThrownBy(() -> new HttpExchange.Response(500, "{\"status\":500}").checked())
                .hasMessage("HTTP 500");
        assertThatThrownBy(() -> new HttpExchange.Response(502, "<html>Bad gateway</html>").checked())
                .hasMessage("HTTP 502");
        HttpExchange.Response created = new HttpExchange.Response(201, "");
        assertThat(created.checked()).isSameAs(created);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
