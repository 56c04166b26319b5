package dev.jeeves.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.InMemoryDatabase;
import dev.jeeves.server.storage.SigningKeyStore;
import dev.jeeves.server.support.Problems;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gate in front of {@code /api}: no token, a malformed header, a bad token and a token without the scope are each
 * refused with the RFC 6750 challenge that says which; what is not under {@code /api} passes untouched.
 */
@RoutingTest
class BearerAuthTest {
    @TempDir
    static Path dataDir;

    private static Database database;
    private static TokenIssuer issuer;
    private final DirectClient client;

    BearerAuthTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        database = InMemoryDatabase.open(dataDir);
        issuer = new TokenIssuer(
                SigningKeys.loadOrCreate(new SigningKeyStore(database.dataSource()), dataDir, Clock.systemUTC()),
                Clock.systemUTC());
        Problems.register(routing);
        routing.addFilter(new BearerAuth(issuer))
                .get("/api/users", (req, res) -> res.send("users"))
                .get("/api/messages", (req, res) -> res.send("messages"))
                .get("/apidocs", (req, res) -> res.send("docs"))
                .get("/health", (req, res) -> res.send("up"));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    record Answer(Status status, String challenge, String body) {}

    Answer get(String path, String authorization) {
        Http1ClientRequest request = client.get(path);
        if (authorization != null) {
            request.header(HeaderNames.AUTHORIZATION, authorization);
        }
        try (Http1ClientResponse response = request.request()) {
            return new Answer(
                    response.status(),
                    response.headers().first(HeaderNames.WWW_AUTHENTICATE).orElse(""),
                    response.as(String.class));
        }
    }

    @Test
    void asksARequestWithoutATokenForOne() {
        Answer answer = get("/api/users", null);
        assertThat(answer.status()).isEqualTo(Status.UNAUTHORIZED_401);
        assertThat(answer.challenge()).isEqualTo("Bearer realm=\"jeeves\"");
        assertThat(answer.body()).contains("get a token from POST /oauth/token or with \\\"jeeves token\\\"");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            Basic dXNlcjpwYXNz | invalid_request | the Authorization header must be \\"Bearer <token>\\"
            'Bearer   '        | invalid_request | the Authorization header must be \\"Bearer <token>\\"
            Bear               | invalid_request | the Authorization header must be \\"Bearer <token>\\"
            Bearer not-a-jwt   | invalid_token   | the token is not a JWT
            bearer not-a-jwt   | invalid_token   | the token is not a JWT
            """)
    void refusesAMalformedHeaderOrABadTokenSayingWhich(String authorization, String error, String detail) {
        Answer answer = get("/api/users", authorization);
        assertThat(answer.status()).isEqualTo(Status.UNAUTHORIZED_401);
        assertThat(answer.challenge()).startsWith("Bearer realm=\"jeeves\", error=\"" + error + "\"");
        assertThat(answer.body()).contains(detail);
    }

    @Test
    void refusesATokenWithoutTheScopeNamingIt() {
        String readOnly = issuer.issue("reader", Set.of(Scopes.USERS_READ)).value();
        assertThat(get("/api/users", "Bearer " + readOnly).body()).isEqualTo("users");
        Answer answer = get("/api/messages", "Bearer " + readOnly);
        assertThat(answer.status()).isEqualTo(Status.FORBIDDEN_403);
        assertThat(answer.challenge())
                .isEqualTo("Bearer realm=\"jeeves\", error=\"insufficient_scope\", scope=\"messages\"");
        assertThat(answer.body()).contains("the token lacks the \\\"messages\\\" scope needed for GET /api/messages");
    }

    @Test
    void letsWhatIsNotUnderTheApiPass() {
        assertThat(get("/health", null).body()).isEqualTo("up");
        assertThat(get("/apidocs", null).body()).isEqualTo("docs");
    }

    @Test
    void keepsPrintableAsciiInTheHeaderAndReplacesTheRest() {
        assertThat(BearerAuth.headerSafe(" token ~ok")).isEqualTo(" token ~ok");
        assertThat(BearerAuth.headerSafe("a \"kid\"")).isEqualTo("a 'kid'");
        assertThat(BearerAuth.headerSafe("back\\slash, line\nbreak, \u001f\u007f, Grüße"))
                .isEqualTo("back?slash, line?break, ??, Gr??e");
    }
}
