package dev.jeeves.api.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.jeeves.api.Json;
import dev.jeeves.api.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One HTTP request and its answer, whatever the status, over the JDK's {@link HttpURLConnection}; no answer at all
 * is an {@link ApiException}.
 *
 * <p>Not {@code java.net.http.HttpClient}: a command makes one or two requests and exits, and the newer client
 * costs about 200 ms to start (its selector thread and the default TLS context with the whole trust store) against
 * about 35 ms for this one.
 */
final class HttpExchange {
    /**
     * Strict on what the server takes, tolerant of what it answers: a newer server may add fields. What the CLI
     * needs of an answer is in the contract tests' pact, which the server is verified against.
     */
    static final ObjectReader TOLERANT =
            Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** How long to wait for a connection: loopback or a nearby host answers in milliseconds. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** How long to wait for an answer before telling the user that Jeeves did not answer. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final URI server;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Consumer<String> trace;

    HttpExchange(URI server, Duration connectTimeout, Duration readTimeout, Consumer<String> trace) {
        this.server = server;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.trace = trace;
    }

    /** Sends a request; the answer whatever its status. */
    Response send(String method, String path, Map<String, String> headers, String body) {
        HttpURLConnection connection = null;
        long started = System.nanoTime();
        String sent = method + " " + server + path;
        trace.accept(sent);
        try {
            // Appended, not resolved: a Jeeves behind a proxy at https://example.org/jeeves keeps its /jeeves.
            connection = (HttpURLConnection) URI.create(server + path).toURL().openConnection();
            connection.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
            connection.setReadTimeout(Math.toIntExact(readTimeout.toMillis()));
            connection.setInstanceFollowRedirects(false);
            connection.setRequestMethod(method);
            headers.forEach(connection::setRequestProperty);
            if (body != null) {
                // Not in streaming mode: then a 401's problem body would be withheld (getErrorStream() is null).
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String text = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            trace.accept(sent + " -> " + status + " (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
            return new Response(status, text);
        } catch (ConnectException e) {
            throw new ApiException(
                    "cannot reach Jeeves at " + server + " (connection refused) — start it with \"jeeves serve\"",
                    false,
                    e);
        } catch (SocketTimeoutException e) {
            throw new ApiException("Jeeves at " + server + " did not answer in time", false, e);
        } catch (IOException e) {
            throw new ApiException("cannot talk to Jeeves at " + server + " (" + e.getMessage() + ")", false, e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    /**
     * An HTTP answer.
     *
     * @param status its status code
     * @param body its body as text, empty when it had none
     */
    record Response(int status, String body) {
        /** This answer when it is a 2xx; else the server's problem {@code detail} as an {@link ApiException}. */
        Response checked() {
            if (status / 100 == 2) {
                return this;
            }
            String detail = "";
            try {
                Problem problem = TOLERANT.forType(Problem.class).readValue(body);
                detail = problem.detail() == null ? "" : problem.detail();
            } catch (IOException e) {
                // not a problem document: the status says it
            }
            if (detail.isEmpty()) {
                detail = "HTTP " + status;
            }
            String prefix = status == 401 ? "not authorized: " : status == 403 ? "not allowed: " : "";
            throw new ApiException(prefix + detail, status);
        }
    }
}
