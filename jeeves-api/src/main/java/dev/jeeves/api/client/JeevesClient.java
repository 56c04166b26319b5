package dev.jeeves.api.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.jeeves.api.ActionInfo;
import dev.jeeves.api.Json;
import dev.jeeves.api.MessageReply;
import dev.jeeves.api.MessageRequest;
import dev.jeeves.api.ServerStatus;
import dev.jeeves.api.TokenResponse;
import dev.jeeves.api.UserDetails;
import dev.jeeves.api.UserPage;
import dev.jeeves.api.UserUpdate;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The typed client of a Jeeves server's HTTP API: the CLI's commands and the contract tests go through it. It
 * fetches and caches the access token ({@link TokenSource}), retries once with a fresh token on 401, and turns
 * every failure into an {@link ApiException} that says what went wrong.
 *
 * <pre>{@code
 * var client = new JeevesClient(URI.create("http://127.0.0.1:8080"), tokens);
 * client.ask("U1", "weather in Paris").reply();  // Paris, France: 12°C (feels like 10°C), light rain, ...
 * }</pre>
 */
public final class JeevesClient implements JeevesApi {
    private static final TypeReference<MessageReply> MESSAGE_REPLY = new TypeReference<>() {};
    private static final TypeReference<UserPage> USER_PAGE = new TypeReference<>() {};
    private static final TypeReference<UserDetails> USER_DETAILS = new TypeReference<>() {};
    private static final TypeReference<List<ActionInfo>> ACTIONS = new TypeReference<>() {};
    private static final TypeReference<ServerStatus> SERVER_STATUS = new TypeReference<>() {};
    private static final TypeReference<TokenResponse> TOKEN_RESPONSE = new TypeReference<>() {};

    private final URI server;
    private final TokenSource tokens;
    private final HttpExchange http;

    /** Creates the client for an {@code http} or {@code https} base URL; nothing is sent until a method is called. */
    public JeevesClient(URI server, TokenSource tokens) {
        this(server, tokens, line -> {});
    }

    /**
     * Creates the client, telling {@code trace} what is sent where: one line per request (method, URL, status, time;
     * never a body or a credential), what {@code jeeves --verbose} prints.
     */
    public JeevesClient(URI server, TokenSource tokens, Consumer<String> trace) {
        this.server = URI.create(server.toString().replaceAll("/+$", ""));
        this.tokens = tokens;
        this.http = new HttpExchange(this.server, HttpExchange.CONNECT_TIMEOUT, HttpExchange.READ_TIMEOUT, trace);
    }

    /** The server this client talks to. */
    @Override
    public URI server() {
        return server;
    }

    /** {@code POST /api/messages}: Jeeves' reply to a message. */
    @Override
    public MessageReply ask(String user, String text) {
        return authorized("POST", "/api/messages", new MessageRequest(user, text), MESSAGE_REPLY);
    }

    /** {@code GET /api/users}: one page of users. */
    @Override
    public UserPage users(int limit, int offset) {
        return authorized("GET", "/api/users?limit=" + limit + "&offset=" + offset, null, USER_PAGE);
    }

    /** {@code GET /api/users/{id}}. */
    @Override
    public UserDetails user(String id) {
        return authorized("GET", "/api/users/" + encode(id), null, USER_DETAILS);
    }

    /** {@code PUT /api/users/{id}}: creates the user or changes the fields the update gives. */
    @Override
    public UserDetails updateUser(String id, UserUpdate update) {
        return authorized("PUT", "/api/users/" + encode(id), update, USER_DETAILS);
    }

    /** {@code DELETE /api/users/{id}}. */
    @Override
    public void deleteUser(String id) {
        exchange("DELETE", "/api/users/" + encode(id), null);
    }

    /** {@code GET /api/actions}. */
    @Override
    public List<ActionInfo> actions() {
        return authorized("GET", "/api/actions", null, ACTIONS);
    }

    /** {@code GET /api/status}. */
    @Override
    public ServerStatus status() {
        return authorized("GET", "/api/status", null, SERVER_STATUS);
    }

    /** A fresh access token (not the cached one). */
    @Override
    public String freshToken() {
        return tokens.fresh(this).token();
    }

    /** {@code POST /oauth/token} with client credentials. */
    TokenResponse requestToken(String clientId, String clientSecret) {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret);
        HttpExchange.Response response = http.send(
                        "POST", "/oauth/token", Map.of("Content-Type", "application/x-www-form-urlencoded"), form)
                .checked();
        return read(response, TOKEN_RESPONSE);
    }

    /**
     * Fails with the "cannot reach" error when nothing answers at the server; any HTTP answer will do. Asked
     * before reporting missing credentials, so that someone who has not started Jeeves yet is told that first.
     */
    void checkReachable() {
        http.send("GET", "/observe/health", Map.of(), null);
    }

    /** {@code POST /slack/events} with a body and Slack's signature headers, as Slack sends them; the status. */
    @Override
    public int postSlackEvent(String body, String timestamp, String signature) {
        Map<String, String> headers = Map.of(
                "Content-Type", "application/json",
                "X-Slack-Request-Timestamp", timestamp,
                "X-Slack-Signature", signature);
        return http.send("POST", "/slack/events", headers, body).checked().status();
    }

    private <T> T authorized(String method, String path, Object body, TypeReference<T> answer) {
        return read(exchange(method, path, body), answer);
    }

    private HttpExchange.Response exchange(String method, String path, Object body) {
        String json = body == null ? null : write(body);
        TokenSource.Issued token = tokens.current(this);
        HttpExchange.Response response = http.send(method, path, jsonHeaders(token.token(), json), json);
        // Only a 401 says the token itself is no good (a 403, a missing scope, is the answer). A cached token may
        // have outlived a key change on the server: try once with a fresh one.
        if (response.status() == 401 && token.fromCache()) {
            response = http.send(method, path, jsonHeaders(tokens.fresh(this).token(), json), json);
        }
        return response.checked();
    }

    private static Map<String, String> jsonHeaders(String token, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Authorization", "Bearer " + token);
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return headers;
    }

    private <T> T read(HttpExchange.Response response, TypeReference<T> type) {
        try {
            return HttpExchange.TOLERANT.forType(type).readValue(response.body());
        } catch (IOException e) {
            throw new ApiException(
                    "Jeeves at " + server + " answered something that is not what the API describes", false, e);
        }
    }

    private static String write(Object body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + body, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
