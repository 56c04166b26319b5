package dev.jeeves.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.jeeves.api.Json;
import dev.jeeves.api.credentials.ClientCredentials;
import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.InMemoryDatabase;
import dev.jeeves.server.storage.SigningKeyStore;
import dev.jeeves.server.support.Problems;
import dev.jeeves.server.support.ReadDeadlines;
import dev.jeeves.server.support.RequestBodies;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token dealer in memory ({@code POST /oauth/token}, {@code GET /.well-known/jwks.json}): what it issues, and
 * every refusal as RFC 6749 §5.2 words it. The bearer checks on the API are {@code AuthIT}'s, over HTTP.
 */
@RoutingTest
class TokenDealerTest {
    @TempDir
    static Path dataDir;

    private static Database database;
    private static ClientCredentials admin;
    private static TokenIssuer issuer;
    private final DirectClient client;

    TokenDealerTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        database = InMemoryDatabase.open(dataDir);
        admin = ClientCredentials.loadOrCreate(dataDir);
        Clock clock = Clock.systemUTC();
        issuer = new TokenIssuer(
                SigningKeys.loadOrCreate(new SigningKeyStore(database.dataSource()), dataDir, clock), clock);
        Problems.register(routing);
        routing.error(OAuthError.class, OAuthError::answer)
                .register(
                        new TokenService(admin, issuer, new RequestBodies(new ReadDeadlines(Duration.ofSeconds(10)))));
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    record Answer(Status status, String contentType, String cacheControl, String wwwAuthenticate, JsonNode json) {
        String text(String field) {
            return json.path(field).asText();
        }
    }

    private Answer post(String form, String basic) {
        Http1ClientRequest request = client.method(Method.POST)
                .path("/oauth/token")
                .header(HeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded");
        if (basic != null) {
            request.header(HeaderNames.AUTHORIZATION, basic);
        }
        return read(request.submit(form));
    }

    private static Answer read(Http1ClientResponse response) {
        try (response) {
            return new Answer(
                    response.status(),
                    response.headers().contentType().map(Object::toString).orElse(""),
                    response.headers().first(HeaderNames.CACHE_CONTROL).orElse(""),
                    response.headers().first(HeaderNames.WWW_AUTHENTICATE).orElse(""),
                    Json.MAPPER.readTree(response.as(String.class)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&")
                    .append(namesAndValues[i])
                    .append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String withCredentials(String... more) {
        String credentials = form(
                "grant_type",
                "client_credentials",
                "client_id",
                admin.clientId(),
                "client_secret",
                admin.clientSecret().reveal());
        return more.length == 0 ? credentials : credentials + "&" + form(more);
    }

    private static void assertRefused(Answer answer, Status status, String error, String description) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).as("what OAuth clients parse").startsWith("application/json");
        assertThat(answer.cacheControl()).isEqualTo("no-store");
        assertThat(answer.text("error")).isEqualTo(error);
        assertThat(answer.text("error_description")).isEqualTo(description);
        assertThat(answer.json().path("status").asInt()).isEqualTo(status.code());
        assertThat(answer.text("detail")).isEqualTo(error + ": " + description);
    }

    @Test
    void issuesATokenWithEveryScopeForTheAdminClient() {
        Answer answer = post(withCredentials(), null);
        assertThat(answer.status()).isEqualTo(Status.OK_200);
        assertThat(answer.cacheControl()).isEqualTo("no-store");
        assertThat(answer.text("token_type")).isEqualTo("Bearer");
        assertThat(answer.json().path("expires_in").asLong()).isEqualTo(3600);
        assertThat(answer.text("scope")).isEqualTo("messages users:read users:write");
        assertThat(issuer.verify(answer.text("access_token"))).isEqualTo(Scopes.ALL);
    }

    @Test
    void issuesOnlyTheScopesAskedFor() {
        Answer answer = post(withCredentials("scope", "users:read"), null);
        assertThat(answer.text("scope")).isEqualTo("users:read");
        assertThat(issuer.verify(answer.text("access_token"))).containsExactly("users:read");
    }

    @Test
    void issuesTokensForHttpBasicClientAuthenticationInAnyCase() {
        String basic = basic(admin.clientId(), admin.clientSecret().reveal());
        assertThat(post("grant_type=client_credentials", basic).status()).isEqualTo(Status.OK_200);
        assertThat(post("grant_type=client_credentials", "basic " + basic.substring(6))
                        .status())
                .isEqualTo(Status.OK_200);
    }

    @Test
    void decodesHttpBasicCredentialsThatWereFormEncoded() {
        // RFC 6749 §2.3.1: the id and the secret are form-urlencoded before Basic encodes them; every byte here is.
        String basic = basic(
                percentEncodeEveryByte(admin.clientId()),
                percentEncodeEveryByte(admin.clientSecret().reveal()));
        assertThat(post("grant_type=client_credentials", basic).status()).isEqualTo(Status.OK_200);
    }

    private static String percentEncodeEveryByte(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            encoded.append(String.format(Locale.ROOT, "%%%02X", b));
        }
        return encoded.toString();
    }

    @Test
    void refusesAWrongSecretOrAnUnknownClient() {
        Answer wrongSecret = post(
                form("grant_type", "client_credentials", "client_id", admin.clientId(), "client_secret", "guess"),
                null);
        assertRefused(wrongSecret, Status.UNAUTHORIZED_401, "invalid_client", "unknown client or wrong secret");
        assertThat(wrongSecret.wwwAuthenticate()).isEqualTo("Basic realm=\"jeeves\"");
        assertRefused(
                post(
                        "grant_type=client_credentials",
                        basic("someone", admin.clientSecret().reveal())),
                Status.UNAUTHORIZED_401,
                "invalid_client",
                "unknown client or wrong secret");
    }

    @Test
    void refusesOtherGrantsAndUnknownOrEmptyScopes() {
        assertRefused(
                post(form("grant_type", "password"), null),
                Status.BAD_REQUEST_400,
                "unsupported_grant_type",
                "grant_type must be client_credentials, got \"password\"");
        assertRefused(
                post(withCredentials("scope", "users:read root"), null),
                Status.BAD_REQUEST_400,
                "invalid_scope",
                "scope may only hold messages users:read users:write, got \"users:read root\"");
        assertRefused(
                post(withCredentials("scope", " "), null),
                Status.BAD_REQUEST_400,
                "invalid_scope",
                "scope may only hold messages users:read users:write, got \" \"");
    }

    @Test
    void refusesABodyThatIsNotAForm() {
        Answer answer = read(client.method(Method.POST)
                .path("/oauth/token")
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit("{\"grant_type\":\"client_credentials\"}"));
        assertRefused(
                answer,
                Status.BAD_REQUEST_400,
                "invalid_request",
                "send the request form-encoded (Content-Type: application/x-www-form-urlencoded)");
    }

    @Test
    void refusesMissingRepeatedOrDoubledCredentials() {
        assertRefused(
                post(form("grant_type", "client_credentials", "client_id", admin.clientId()), null),
                Status.BAD_REQUEST_400,
                "invalid_request",
                "give client_id and client_secret (in the form or as HTTP Basic)");
        assertRefused(
                post(form("grant_type", "client_credentials", "client_secret", "s"), null),
                Status.BAD_REQUEST_400,
                "invalid_request",
                "give client_id and client_secret (in the form or as HTTP Basic)");
        assertRefused(
                post(withCredentials("client_id", "someone-else"), null),
                Status.BAD_REQUEST_400,
                "invalid_request",
                "client_id is given more than once");
        assertRefused(
                post(
                        form("grant_type", "client_credentials", "client_id", admin.clientId()),
                        basic(admin.clientId(), admin.clientSecret().reveal())),
                Status.BAD_REQUEST_400,
                "invalid_request",
                "give the client credentials once: as HTTP Basic or in the form, not both");
        assertRefused(
                post(
                        form(
                                "grant_type",
                                "client_credentials",
                                "client_secret",
                                admin.clientSecret().reveal()),
                        basic(admin.clientId(), admin.clientSecret().reveal())),
                Status.BAD_REQUEST_400,
                "invalid_request",
                "give the client credentials once: as HTTP Basic or in the form, not both");
    }

    @Test
    void refusesAMalformedBasicHeader() {
        for (String header : new String[] {
            "Basic !!not-base64!!",
            basic("", "secret"),
            "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8))
        }) {
            assertRefused(
                    post("grant_type=client_credentials", header),
                    Status.BAD_REQUEST_400,
                    "invalid_request",
                    "the Basic Authorization header is malformed");
        }
    }

    @Test
    void publishesThePublicKeyAsAJwkAndNothingPrivate() throws Exception {
        String kid = SignedJWT.parse(post(withCredentials(), null).text("access_token"))
                .getHeader()
                .getKeyID();
        try (Http1ClientResponse response =
                client.method(Method.GET).path("/.well-known/jwks.json").request()) {
            assertThat(response.status()).isEqualTo(Status.OK_200);
            assertThat(response.headers().contentType().orElseThrow().text()).startsWith("application/jwk-set+json");
            JsonNode key =
                    Json.MAPPER.readTree(response.as(String.class)).path("keys").path(0);
            assertThat(key.path("kty").asText()).isEqualTo("RSA");
            assertThat(key.path("alg").asText()).isEqualTo("RS256");
            assertThat(key.path("use").asText()).isEqualTo("sig");
            assertThat(key.path("kid").asText()).isEqualTo(kid);
            assertThat(key.has("d")).as("the private exponent").isFalse();
        }
    }

    @Test
    void answersOtherMethodsWith405() {
        try (Http1ClientResponse token =
                        client.method(Method.GET).path("/oauth/token").request();
                Http1ClientResponse jwks = client.method(Method.POST)
                        .path("/.well-known/jwks.json")
                        .submit("")) {
            assertThat(token.status()).isEqualTo(Status.METHOD_NOT_ALLOWED_405);
            assertThat(token.headers().first(HeaderNames.ALLOW)).contains("POST");
            assertThat(jwks.status()).isEqualTo(Status.METHOD_NOT_ALLOWED_405);
            assertThat(jwks.headers().first(HeaderNames.ALLOW)).contains("GET");
        }
    }
}
