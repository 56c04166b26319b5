package dev.jeeves.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jeeves.api.Json;
import dev.jeeves.api.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What Helidon refuses before any route of ours runs is answered as problem details too, not with an empty body:
 * sent over a raw socket, since a well-behaved HTTP client would not send these requests at all.
 */
class EarlyRefusalsIT extends FunctionalTest {
    /** One raw HTTP/1.1 exchange; the connection is closed after it. */
    record RawAnswer(int status, String contentType, String body) {}

    static RawAnswer send(String requestLine, String... headers) throws IOException {
        URI uri = jeeves.uri();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(requestLine).append("\r\n");
            request.append("Host: ").append(uri.getHost()).append("\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String[] parts = answer.split("\r\n\r\n", 2);
            int status = Integer.parseInt(parts[0].substring(parts[0].indexOf(' ') + 1, parts[0].indexOf(' ') + 4));
            String contentType = parts[0].lines()
                    .filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).strip())
                    .findFirst()
                    .orElse("");
            return new RawAnswer(status, contentType, parts.length > 1 ? parts[1] : "");
        }
    }

    static Problem problem(RawAnswer answer) throws IOException {
        assertThat(answer.contentType()).isEqualTo(Problem.MEDIA_TYPE);
        return Json.MAPPER.readValue(answer.body(), Problem.class);
    }

    @Test
    void aMalformedPercentEscapeInThePathIsAProblem() throws IOException {
        RawAnswer answer = send("GET /api/users/%zz HTTP/1.1");
        assertThat(answer.status()).isEqualTo(400);
        Problem problem = problem(answer);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).startsWith("the request could not be read");
    }

    @Test
    void aUriOverTheLimitIsAProblem() throws IOException {
        RawAnswer answer = send("GET /api/users/" + "a".repeat(20_000) + " HTTP/1.1");
        assertThat(answer.status()).isEqualTo(414);
        assertThat(problem(answer).status()).isEqualTo(414);
    }

    @Test
    void madeUpMethodsShareOneMetricSeries() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String method : List.of("BREW", "WHEN", "XYZZY", "get")) {
            HttpRequest request = HttpRequest.newBuilder(jeeves.uri().resolve("/api/actions"))
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .build();
            assertThat(client.send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .as(method)
                    .isEqualTo(401);
        }
        assertThat(jeeves.meters().meters().stream()
                        .filter(meter -> meter.id().name().equals("jeeves.http.requests"))
                        .map(meter -> meter.id().tagsMap().get("method"))
                        .distinct())
                .contains("other")
                .doesNotContain("BREW", "WHEN", "XYZZY", "get");
    }

    @Test
    void anOversizedAuthorizationHeaderIsAProblem() throws IOException {
        RawAnswer answer = send("GET /api/users HTTP/1.1", "Authorization: Bearer " + "x".repeat(40_000));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(problem(answer).detail()).startsWith("the request could not be read");
    }
}
