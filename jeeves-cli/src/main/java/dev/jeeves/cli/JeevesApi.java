package dev.jeeves.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one typed client of a Jeeves server's HTTP API; every command goes through it. It fetches and caches
 * the access token ({@link TokenSource}), retries once with a fresh token on 401, and turns every failure into
 * a {@link CliException} with the exit code the CLI documents.
 *
 * <p>It speaks HTTP with the JDK's {@link HttpURLConnection}, not {@code java.net.http.HttpClient}: a command
 * makes one or two requests and exits, and the newer client costs about 200 ms to start (its selector thread
 * and the default TLS context with the whole trust store) against about 35 ms for this one.
 *
 * <pre>{@code
 * var api = new JeevesApi(URI.create("http://127.0.0.1:8080"), tokens);
 * api.ask("U1", "weather in Paris").path("reply").asText();
 * }</pre>
 */
public final class JeevesApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final URI server;
    private final TokenSource tokens;

    /** Creates the client for an {@code http} or {@code https} base URL; nothing is sent until a method is called. */
    public JeevesApi(URI server, TokenSource tokens) {
        this.server = URI.create(server.toString().replaceAll("/+$", ""));
        this.tokens = tokens;
    }

    /** The server this client talks to. */
    public URI server() {
        return server;
    }

    /** {@code POST /api/messages}: Jeeves' reply to a message. */
    public JsonNode ask(String user, String text) {
        ObjectNode body = JSON.createObjectNode().put("user", user).put("text", text);
        return authorized("POST", "/api/messages", body);
    }

    /** {@code GET /api/users}: one page of users. */
    public JsonNode users(int limit, int offset) {
        return authorized("GET", "/api/users?limit=" + limit + "&offset=" + offset, null);
    }

    /** {@code GET /api/users/{id}}. */
    public JsonNode user(String id) {
        return authorized("GET", "/api/users/" + encode(id), null);
    }

    /** {@code PUT /api/users/{id}}: changes the fields given. */
    public JsonNode updateUser(String id, Map<String, String> fields) {
        ObjectNode body = JSON.createObjectNode();
        fields.forEach(body::put);
        return authorized("PUT", "/api/users/" + encode(id), body);
    }

    /** {@code DELETE /api/users/{id}}. */
    public void deleteUser(String id) {
        authorized("DELETE", "/api/users/" + encode(id), null);
    }

    /** {@code GET /api/actions}. */
    public JsonNode actions() {
        return authorized("GET", "/api/actions", null);
    }

    /** {@code GET /api/status}. */
    public JsonNode status() {
        return authorized("GET", "/api/status", null);
    }

    /** A fresh access token (not the cached one). */
    public String freshToken() {
        return tokens.fresh(this).token();
    }

    /**
     * {@code POST /oauth/token} with client credentials.
     *
     * @return the token response ({@code access_token}, {@code expires_in}, {@code scope})
     */
    JsonNode requestToken(String clientId, String clientSecret) {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret);
        return json(
                exchange("POST", "/oauth/token", Map.of("Content-Type", "application/x-www-form-urlencoded"), form));
    }

    /**
     * Fails with the "cannot reach" error when nothing answers at the server; any HTTP answer will do. Asked
     * before reporting missing credentials, so that someone who has not started Jeeves yet is told that first.
     */
    void checkReachable() {
        try {
            exchange("GET", "/observe/health", Map.of(), null);
        } catch (CliException e) {
            if (e.httpStatus() == 0) {
                throw e;
            }
        }
    }

    /** {@code POST /slack/events} with a body and Slack's signature headers, as Slack sends them. */
    public int postSlackEvent(String body, String timestamp, String signature) {
        Map<String, String> headers = Map.of(
                "Content-Type", "application/json",
                "X-Slack-Request-Timestamp", timestamp,
                "X-Slack-Signature", signature);
        return exchange("POST", "/slack/events", headers, body).status();
    }

    private JsonNode authorized(String method, String path, JsonNode body) {
        TokenSource.Issued token = tokens.current(this);
        try {
            return json(
                    exchange(method, path, jsonHeaders(token.token(), body), body == null ? null : body.toString()));
        } catch (CliException e) {
            // Only a 401 says the token itself is no good; a 403 (missing scope) is the answer.
            if (e.httpStatus() != 401 || !token.fromCache()) {
                throw e;
            }
            // The cached token may have outlived a key change on the server: try once with a fresh one.
            String fresh = tokens.fresh(this).token();
            return json(exchange(method, path, jsonHeaders(fresh, body), body == null ? null : body.toString()));
        }
    }

    private static Map<String, String> jsonHeaders(String token, JsonNode body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Authorization", "Bearer " + token);
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return headers;
    }

    private JsonNode json(Response response) {
        if (response.body().isEmpty()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new CliException(
                    CliException.FAILURE, "Jeeves at " + server + " answered something that is not JSON", e);
        }
    }

    /** One request; a non-2xx answer becomes a {@link CliException}. */
    private Response exchange(String method, String path, Map<String, String> headers, String body) {
        HttpURLConnection connection = null;
        try {
            // Appended, not resolved: a Jeeves behind a proxy at https://example.org/jeeves keeps its /jeeves.
            connection = (HttpURLConnection) URI.create(server + path).toURL().openConnection();
            connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            connection.setReadTimeout(READ_TIMEOUT_MILLIS);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestMethod(method);
            headers.forEach(connection::setRequestProperty);
            if (body != null) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                // Not in streaming mode: then a 401's problem body would be withheld (getErrorStream() is null).
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String text = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            Response response = new Response(status, text);
            if (status / 100 != 2) {
                throw failure(response);
            }
            return response;
        } catch (ConnectException e) {
            throw new CliException(
                    CliException.FAILURE,
                    "cannot reach Jeeves at " + server + " (connection refused) — start it with \"jeeves serve\"",
                    e);
        } catch (SocketTimeoutException e) {
            throw new CliException(CliException.FAILURE, "Jeeves at " + server + " did not answer in time", e);
        } catch (IOException e) {
            throw new CliException(
                    CliException.FAILURE, "cannot talk to Jeeves at " + server + " (" + e.getMessage() + ")", e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static CliException failure(Response response) {
        String detail;
        try {
            detail = JSON.readTree(response.body()).path("detail").asText("");
        } catch (IOException e) {
            detail = "";
        }
        if (detail.isEmpty()) {
            detail = "HTTP " + response.status();
        }
        int status = response.status();
        int exit = status == 401 || status == 403 ? CliException.NOT_AUTHORIZED : CliException.FAILURE;
        String prefix = status == 401 ? "not authorized: " : status == 403 ? "not allowed: " : "";
        return new CliException(exit, prefix + detail, status);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An HTTP answer: status and body text. */
    private record Response(int status, String body) {}
}
