package dev.jeeves.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one typed client of a Jeeves server's HTTP API; every command goes through it. It fetches and caches
 * the access token ({@link TokenSource}), retries once with a fresh token on 401, and turns every failure into
 * a {@link CliException} with the exit code the CLI documents.
 *
 * <pre>{@code
 * var api = new JeevesApi(URI.create("http://127.0.0.1:8080"), tokens);
 * api.ask("U1", "weather in Paris").path("reply").asText();
 * }</pre>
 */
public final class JeevesApi {
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI server;
    private final TokenSource tokens;
    private final HttpClient http;

    /** Creates the client; nothing is sent until a method is called. */
    public JeevesApi(URI server, TokenSource tokens) {
        this.server = URI.create(server.toString().replaceAll("/+$", ""));
        this.tokens = tokens;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The server this client talks to. */
    public URI server() {
        return server;
    }

    /** {@code POST /api/messages}: Jeeves' reply to a message. */
    public JsonNode ask(String user, String text) {
        ObjectNode body = JSON.createObjectNode().put("user", user).put("text", text);
        return authorized(() -> jsonRequest("/api/messages").POST(body(body)));
    }

    /** {@code GET /api/users}: one page of users. */
    public JsonNode users(int limit, int offset) {
        return authorized(
                () -> request("/api/users?limit=" + limit + "&offset=" + offset).GET());
    }

    /** {@code GET /api/users/{id}}. */
    public JsonNode user(String id) {
        return authorized(() -> request("/api/users/" + encode(id)).GET());
    }

    /** {@code PUT /api/users/{id}}: changes the fields given. */
    public JsonNode updateUser(String id, Map<String, String> fields) {
        ObjectNode body = JSON.createObjectNode();
        fields.forEach(body::put);
        return authorized(() -> jsonRequest("/api/users/" + encode(id)).PUT(body(body)));
    }

    /** {@code DELETE /api/users/{id}}. */
    public void deleteUser(String id) {
        authorized(() -> request("/api/users/" + encode(id)).DELETE());
    }

    /** {@code GET /api/actions}. */
    public JsonNode actions() {
        return authorized(() -> request("/api/actions").GET());
    }

    /** {@code GET /api/status}. */
    public JsonNode status() {
        return authorized(() -> request("/api/status").GET());
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
        return send(HttpRequest.newBuilder(server.resolve("/oauth/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** {@code POST /slack/events} with a body and Slack's signature headers, as Slack sends them. */
    public int postSlackEvent(String body, String timestamp, String signature) {
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/slack/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() / 100 != 2) {
            throw failure(response);
        }
        return response.statusCode();
    }

    private JsonNode authorized(Supplier<HttpRequest.Builder> request) {
        TokenSource.Issued token = tokens.current(this);
        try {
            return send(request.get().header("Authorization", "Bearer " + token.token()));
        } catch (CliException e) {
            if (e.exitCode() != CliException.NOT_AUTHORIZED || !token.fromCache()) {
                throw e;
            }
            // The cached token may have outlived a key change on the server: try once with a fresh one.
            return send(request.get()
                    .header("Authorization", "Bearer " + tokens.fresh(this).token()));
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
    }

    private HttpRequest.Builder jsonRequest(String path) {
        return request(path).header("Content-Type", "application/json");
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpResponse<String> response = exchange(builder.build());
        if (response.statusCode() / 100 != 2) {
            throw failure(response);
        }
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

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new CliException(
                    CliException.FAILURE,
                    "cannot reach Jeeves at " + server + " (connection refused) — start it with \"jeeves serve\"",
                    e);
        } catch (HttpTimeoutException e) {
            throw new CliException(CliException.FAILURE, "Jeeves at " + server + " did not answer in time", e);
        } catch (IOException e) {
            throw new CliException(
                    CliException.FAILURE, "cannot talk to Jeeves at " + server + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILURE, "interrupted", e);
        }
    }

    private CliException failure(HttpResponse<String> response) {
        String detail;
        try {
            detail = JSON.readTree(response.body()).path("detail").asText("");
        } catch (IOException e) {
            detail = "";
        }
        if (detail.isEmpty()) {
            detail = "HTTP " + response.statusCode();
        }
        int status = response.statusCode();
        int exit = status == 401 || status == 403 ? CliException.NOT_AUTHORIZED : CliException.FAILURE;
        String prefix = status == 401 ? "not authorized: " : status == 403 ? "not allowed: " : "";
        return new CliException(exit, prefix + detail);
    }

    private static HttpRequest.BodyPublisher body(JsonNode json) {
        return HttpRequest.BodyPublishers.ofString(json.toString(), StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
