package dev.jeeves.server;

import static dev.jeeves.server.OpenApiContract.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

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

/**
 * Token auth on the API over HTTP: bearer checks, scopes, and the files that hold the secrets (the token dealer's
 * answers are {@link dev.jeeves.server.auth.TokenDealerTest}'s, in memory).
 */
class AuthIT extends FunctionalTest {
    static RequestSpecification anonymous() {
        return given().baseUri(jeeves.uri().toString());
    }

    static RequestSpecification withToken(String token) {
        return anonymous().header("Authorization", "Bearer " + token).contentType("application/json");
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
