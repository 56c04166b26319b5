package dev.jeeves.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jeeves.api.ActionInfo;
import dev.jeeves.api.Secret;
import dev.jeeves.api.ServerStatus;
import dev.jeeves.api.UserSummary;
import dev.jeeves.api.UserUpdate;
import dev.jeeves.api.credentials.ClientCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client over real HTTP against a tiny scripted server (the JDK's own): tokens fetched, cached and renewed,
 * problems turned into messages. That the server really answers so is the contract tests' job.
 */
class JeevesClientTest {
    @TempDir
    Path dataDir;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private volatile boolean refuseNextApiCall;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/oauth/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add("POST /oauth/token " + form);
            if (!form.contains("client_secret=right")) {
                answer(exchange, 401, problem(401, "invalid_client: unknown client or wrong secret"));
                return;
            }
            int issued = tokensIssued.incrementAndGet();
            answer(
                    exchange,
                    200,
                    "{\"access_token\":\"token-" + issued
                            + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"messages\"}");
        });
        server.createContext("/api/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
            if (refuseNextApiCall) {
                refuseNextApiCall = false;
                answer(exchange, 401, problem(401, "the token's signature is not valid"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/api/messages" -> answer(exchange, 200, "{\"action\":\"help\",\"reply\":\"Hello\",\"new\":1}");
                case "/api/users/U1" ->
                    answer(
                            exchange,
                            200,
                            "{\"id\":\"U1\",\"name\":\"Ada\",\"email\":null,\"location\":null,"
                                    + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"settings\":{},\"alert\":null}");
                case "/api/users" ->
                    answer(
                            exchange,
                            200,
                            "{\"total\":1,\"limit\":5,\"offset\":0,\"users\":[{\"id\":\"U1\",\"name\":\"Ada\","
                                    + "\"email\":null,\"location\":null,\"createdAt\":\"2026-01-01T00:00:00Z\"}]}");
                case "/api/actions" ->
                    answer(exchange, 200, "[{\"name\":\"help\",\"usage\":\"help\",\"description\":\"Lists\"}]");
                case "/api/status" ->
                    answer(
                            exchange,
                            200,
                            "{\"status\":\"UP\",\"version\":\"1.2.3\",\"startedAt\":\"2026-01-01T00:00:00Z\","
                                    + "\"uptimeSeconds\":7,\"database\":{\"product\":\"H2\",\"reachable\":true},"
                                    + "\"circuits\":{}}");
                default -> answer(exchange, 404, problem(404, "no user with id \"U2\""));
            }
        });
        server.createContext("/slack/events", exchange -> {
            requests.add("POST /slack/events " + exchange.getRequestHeaders().getFirst("X-Slack-Signature"));
            answer(exchange, 200, "");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private JeevesClient client(String secret) {
        Map<String, String> environment = Map.of("JEEVES_CLIENT_ID", "jeeves-admin", "JEEVES_CLIENT_SECRET", secret);
        return new JeevesClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                new TokenSource(dataDir, environment, Clock.systemUTC()));
    }

    @Test
    void fetchesATokenOnceAndReusesItFromTheCache() {
        assertThat(client("right").ask("U1", "help").reply()).isEqualTo("Hello");
        assertThat(client("right").ask("U1", "help").action()).isEqualTo("help");
        assertThat(tokensIssued).hasValue(1);
        assertThat(requests.get(1)).contains("Bearer token-1", "{\"user\":\"U1\",\"text\":\"help\"}");
        assertThat(dataDir.resolve(TokenSource.CACHE_FILE)).exists();
    }

    @Test
    void aWrongSecretIsRefusedEvenWhileATokenForTheRightOneIsCached() throws IOException {
        client("right").ask("U1", "help");
        assertThatThrownBy(() -> client("wrong").ask("U1", "help"))
                .isInstanceOf(ApiException.class)
                .hasMessage("not authorized: invalid_client: unknown client or wrong secret");
        assertThat(Files.readString(dataDir.resolve(TokenSource.CACHE_FILE)))
                .as("the cache tells secrets apart by a hash, and holds none")
                .doesNotContain("right");
    }

    @Test
    void retriesOnceWithAFreshTokenWhenTheCachedOneIsRefused() {
        client("right").ask("U1", "help");
        refuseNextApiCall = true;
        assertThat(client("right").ask("U1", "help").reply()).isEqualTo("Hello");
        assertThat(tokensIssued).hasValue(2);
    }

    @Test
    @SuppressWarnings("NullOptional") // UserUpdate is tri-state by design: null leaves a field out of the PUT
    void sendsOnlyTheFieldsToChange() {
        client("right").updateUser("U1", new UserUpdate(Optional.of("Ada"), null, Optional.empty()));
        assertThat(requests.get(1)).startsWith("PUT /api/users/U1").endsWith("{\"name\":\"Ada\",\"location\":null}");
    }

    @Test
    void reportsTheServersProblemDetail() {
        assertThatThrownBy(() -> client("right").user("U2")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e).hasMessage("no user with id \"U2\"");
            assertThat(e.httpStatus()).isEqualTo(404);
            assertThat(e.notAuthorized()).isFalse();
        });
    }

    @Test
    void reportsRefusedCredentialsAsNotAuthorized() {
        assertThatThrownBy(() -> client("wrong").user("U1")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e).hasMessage("not authorized: invalid_client: unknown client or wrong secret");
            assertThat(e.notAuthorized()).isTrue();
        });
    }

    @Test
    void readsTheLocalServersCredentialsFileWhenNoneAreGiven() throws IOException {
        Files.writeString(
                dataDir.resolve("credentials.json"), "{\"client_id\":\"jeeves-admin\",\"client_secret\":\"right\"}");
        JeevesClient local = new JeevesClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                new TokenSource(dataDir, Map.of(), Clock.systemUTC()));
        assertThat(local.user("U1").name()).isEqualTo("Ada");
    }

    @Test
    void saysToStartJeevesWhenNothingAnswers() {
        server.stop(0);
        assertThatThrownBy(() -> client("right").ask("U1", "help")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getMessage()).contains("cannot reach Jeeves", "jeeves serve");
            assertThat(e.httpStatus()).isZero();
        });
    }

    @Test
    void asksForCredentialsWhenThereAreNoneAndTheServerIsUp() {
        JeevesClient noCredentials = new JeevesClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                new TokenSource(dataDir, Map.of(), Clock.systemUTC()));
        assertThatThrownBy(() -> noCredentials.ask("U1", "help")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getMessage()).startsWith("no credentials for").contains("JEEVES_CLIENT_ID");
            assertThat(e.notAuthorized()).isTrue();
        });
    }

    @Test
    void readsEachAnswerIntoItsRecord() {
        JeevesClient client = client("right");
        assertThat(client.users(5, 0).users()).extracting(UserSummary::name).containsExactly("Ada");
        assertThat(client.updateUser("U1", new UserUpdate(Optional.of("Ada"), Optional.empty(), Optional.empty()))
                        .name())
                .isEqualTo("Ada");
        assertThat(client.actions()).extracting(ActionInfo::name).containsExactly("help");
        ServerStatus status = client.status();
        assertThat(status.version()).isEqualTo("1.2.3");
        assertThat(status.database().reachable()).isTrue();
        assertThat(requests).contains("GET /api/users?limit=5&offset=0 Bearer token-1 ");
    }

    @Test
    void declaresAJsonBodyOnlyWhenItSendsOne() {
        JeevesClient client = client("right");
        client.user("U1");
        client.ask("U1", "help");
        assertThat(requests.get(1)).isEqualTo("GET /api/users/U1 Bearer token-1 ");
        assertThat(contentTypes).containsExactly("null", "application/json");
    }

    @Test
    void postsASlackEventWithItsSignatureAndSaysTheStatus() {
        assertThat(client("right").postSlackEvent("{}", "1700000000", "v0=abc")).isEqualTo(200);
        assertThat(requests).containsExactly("POST /slack/events v0=abc");
    }

    @Test
    void aFreshTokenIsFetchedEvenWhenOneIsCached() {
        JeevesClient client = client("right");
        client.ask("U1", "help");
        assertThat(client.freshToken()).isEqualTo("token-2");
    }

    @Test
    void usesARememberedTokenWithoutAskingForOne() {
        Map<String, String> environment = Map.of("JEEVES_CLIENT_ID", "jeeves-admin", "JEEVES_CLIENT_SECRET", "right");
        TokenSource tokens = new TokenSource(dataDir, environment, Clock.systemUTC());
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        tokens.remember(
                uri,
                new ClientCredentials("jeeves-admin", Secret.of("right")),
                "remembered",
                Instant.now().plusSeconds(600));
        new JeevesClient(uri, tokens).ask("U1", "help");
        assertThat(tokensIssued).hasValue(0);
        assertThat(requests).singleElement(InstanceOfAssertFactories.STRING).contains("Bearer remembered");
    }

    @ParameterizedTest(name = "[{index}] remembered for {0}, {1}, secret {2}, {3} s left")
    @CsvSource({
        "another server, jeeves-admin, right, 600",
        "this server, someone-else, right, 600",
        "this server, jeeves-admin, an-old-secret, 600",
        "this server, jeeves-admin, right, 30",
    })
    void aRememberedTokenServesOnlyItsServerAndCredentialsWhileFresh(
            String whichServer, String clientId, String secret, long secondsLeft) {
        Map<String, String> environment = Map.of("JEEVES_CLIENT_ID", "jeeves-admin", "JEEVES_CLIENT_SECRET", "right");
        TokenSource tokens = new TokenSource(dataDir, environment, Clock.systemUTC());
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        tokens.remember(
                whichServer.equals("this server") ? uri : URI.create("http://127.0.0.1:1/"),
                new ClientCredentials(clientId, Secret.of(secret)),
                "remembered",
                Instant.now().plusSeconds(secondsLeft));
        new JeevesClient(uri, tokens).ask("U1", "help");
        assertThat(tokensIssued).hasValue(1);
        assertThat(requests).last(InstanceOfAssertFactories.STRING).contains("Bearer token-1");
    }

    @Test
    void cachesNothingForARemoteServerWithoutALocalDataDirectory() {
        Path missing = dataDir.resolve("not-here");
        Map<String, String> environment = Map.of("JEEVES_CLIENT_ID", "jeeves-admin", "JEEVES_CLIENT_SECRET", "right");
        JeevesClient remote = new JeevesClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                new TokenSource(missing, environment, Clock.systemUTC()));
        assertThat(remote.ask("U1", "help").reply()).isEqualTo("Hello");
        assertThat(missing).doesNotExist();
    }

    @Test
    void saysToStartJeevesBeforeAskingForCredentials() {
        server.stop(0);
        JeevesClient noCredentials = new JeevesClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                new TokenSource(dataDir, Map.of(), Clock.systemUTC()));
        assertThatThrownBy(() -> noCredentials.ask("U1", "help"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("cannot reach Jeeves");
    }

    private static String problem(int status, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"x\",\"status\":" + status + ",\"detail\":\""
                + detail.replace("\"", "\\\"")
                + "\",\"instance\":\"/\"}";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
