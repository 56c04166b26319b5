package dev.jeeves.server;

import static dev.jeeves.server.OpenApiContract.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import dev.jeeves.api.credentials.ClientCredentials;
import dev.jeeves.server.auth.Scopes;
import dev.jeeves.server.auth.SigningKeys;
import dev.jeeves.server.auth.TokenIssuer;
import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.InMemoryDatabase;
import dev.jeeves.server.storage.SigningKeyStore;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Token auth on the API: the token dealer, bearer checks, scopes, and the files that hold the secrets. */
class AuthIT extends FunctionalTest {
    static RequestSpecification anonymous() {
        return given().baseUri(jeeves.uri().toString());
    }

    static RequestSpecification withToken(String token) {
        return anonymous().header("Authorization", "Bearer " + token).contentType("application/json");
    }

    static RequestSpecification tokenRequest() {
        return anonymous()
                .contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials");
    }

    @Test
    void refusesAnAuthorizationHeaderThatIsNotBearer() {
        anonymous()
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .get("/api/actions")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_request\""))
                // RFC 6750 §3: error_description is printable ASCII without quotes or backslashes.
                .header(
                        "WWW-Authenticate",
                        matchesPattern(".*error_description=\"[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]*\""))
                .body("detail", equalTo("the Authorization header must be \"Bearer <token>\""));
    }

    @Test
    void refusesATokenThatIsNotAJwt() {
        withToken("not-a-jwt")
                .get("/api/actions")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("detail", equalTo("the token is not a JWT"));
    }

    @Test
    void refusesATamperedToken() {
        List<String> parts = List.of(jeeves.accessToken().split("\\.", -1));
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts.get(1)), StandardCharsets.UTF_8)
                .replace("\"scope\":\"", "\"scope\":\"admin ");
        String tampered = parts.get(0) + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts.get(2);
        withToken(tampered)
                .get("/api/actions")
                .then()
                .statusCode(401)
                .body("detail", equalTo("the token's signature is not valid"));
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        String forged;
        try (Database elsewhere = InMemoryDatabase.open(jeeves.dataDir().resolve("x"))) {
            forged = new TokenIssuer(
                            SigningKeys.loadOrCreate(
                                    new SigningKeyStore(elsewhere.dataSource()),
                                    jeeves.dataDir().resolve("x"),
                                    Clock.systemUTC()),
                            Clock.systemUTC())
                    .issue("mallory", Scopes.ALL)
                    .value();
        }
        withToken(forged).get("/api/actions").then().statusCode(401).body("detail", containsString("signature"));
    }

    @Test
    void refusesAnExpiredToken() {
        assumeStubs();
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String expired;
        // The server's own key, read from its database as another instance would.
        try (Database shared = Database.open(jeeves.databaseSettings())) {
            expired = new TokenIssuer(
                            SigningKeys.loadOrCreate(
                                    new SigningKeyStore(shared.dataSource()), jeeves.dataDir(), twoHoursAgo),
                            twoHoursAgo)
                    .issue("jeeves-admin", Scopes.ALL)
                    .value();
        }
        withToken(expired)
                .get("/api/actions")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("detail", equalTo("the token has expired"));
    }

    @Test
    void issuesTokensForHttpBasicClientAuthentication() {
        String[] client = jeeves.clientCredentials();
        anonymous()
                .auth()
                .preemptive()
                .basic(client[0], client[1])
                .contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .post("/oauth/token")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600))
                .body("scope", equalTo("messages users:read users:write"));
    }

    @Test
    void refusesAWrongClientSecret() {
        tokenRequest()
                .formParam("client_id", jeeves.clientCredentials()[0])
                .formParam("client_secret", "guess")
                .post("/oauth/token")
                .then()
                .statusCode(401)
                // RFC 6749 §5.2, which OAuth clients parse; the problem-details members too, for Jeeves' own.
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("error", equalTo("invalid_client"))
                .body("error_description", equalTo("unknown client or wrong secret"))
                .body("status", equalTo(401))
                .body("detail", equalTo("invalid_client: unknown client or wrong secret"));
    }

    @Test
    void decodesHttpBasicCredentialsThatWereFormEncoded() {
        // RFC 6749 §2.3.1: the id and the secret are form-urlencoded before Basic encodes them; every byte here is.
        String[] client = jeeves.clientCredentials();
        anonymous()
                .auth()
                .preemptive()
                .basic(percentEncodeEveryByte(client[0]), percentEncodeEveryByte(client[1]))
                .contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .post("/oauth/token")
                .then()
                .statusCode(200)
                .body("token_type", equalTo("Bearer"));
    }

    private static String percentEncodeEveryByte(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            encoded.append(String.format(java.util.Locale.ROOT, "%%%02X", b));
        }
        return encoded.toString();
    }

    @Test
    void refusesOtherGrantsUnknownScopesAndJsonBodies() {
        String[] client = jeeves.clientCredentials();
        anonymous()
                .contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password")
                .post("/oauth/token")
                .then()
                .statusCode(400)
                .contentType("application/json")
                .body("error", equalTo("unsupported_grant_type"))
                .body("detail", containsString("unsupported_grant_type"));
        tokenRequest()
                .formParam("client_id", client[0])
                .formParam("client_secret", client[1])
                .formParam("scope", "users:read root")
                .post("/oauth/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_scope"))
                .body("detail", containsString("invalid_scope"));
        anonymous()
                .contentType("application/json")
                .body("{\"grant_type\":\"client_credentials\"}")
                .post("/oauth/token")
                .then()
                .statusCode(400)
                .body("detail", containsString("form-encoded"));
    }

    @Test
    void refusesRepeatedParametersAndTwoWaysOfAuthenticating() {
        String[] client = jeeves.clientCredentials();
        tokenRequest()
                .formParam("client_id", client[0], "someone-else")
                .formParam("client_secret", client[1])
                .post("/oauth/token")
                .then()
                .statusCode(400)
                .body("detail", equalTo("invalid_request: client_id is given more than once"));
        tokenRequest()
                .auth()
                .preemptive()
                .basic(client[0], client[1])
                .formParam("client_id", client[0])
                .post("/oauth/token")
                .then()
                .statusCode(400)
                .body("detail", containsString("as HTTP Basic or in the form, not both"));
    }

    @Test
    void publishesThePublicKeyAsAJwk() throws Exception {
        String kid = com.nimbusds.jwt.SignedJWT.parse(jeeves.accessToken())
                .getHeader()
                .getKeyID();
        anonymous()
                .get("/.well-known/jwks.json")
                .then()
                .statusCode(200)
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0].kid", equalTo(kid))
                .body("keys[0]", not(hasKey("d")));
    }

    @Test
    void keepsHealthOpen() {
        anonymous().get("/observe/health").then().statusCode(200);
    }

    @Test
    void writesTheCredentialsReadableByTheOwnerOnly() throws Exception {
        assumeStubs();
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(jeeves.dataDir().resolve(ClientCredentials.FILE_NAME))))
                .isEqualTo("rw-------");
    }
}
