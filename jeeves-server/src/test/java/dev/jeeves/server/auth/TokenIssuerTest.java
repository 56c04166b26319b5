package dev.jeeves.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.InMemoryDatabase;
import dev.jeeves.server.storage.SigningKeyStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A token checked once is remembered for its next requests, and never beyond what checking it again would allow. */
class TokenIssuerTest {
    @TempDir
    Path dataDir;

    Database database;
    final SigningKeysTest.MovableClock clock = new SigningKeysTest.MovableClock(Instant.parse("2026-11-29T10:00:00Z"));
    SigningKeys keys;
    TokenIssuer issuer;

    @BeforeEach
    void setUp() {
        database = InMemoryDatabase.open(dataDir);
        keys = SigningKeys.loadOrCreate(new SigningKeyStore(database.dataSource()), dataDir, clock);
        issuer = new TokenIssuer(keys, clock);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItExpires() {
        String token = issuer.issue("jeeves-admin", Scopes.ALL).value();
        assertThat(issuer.verify(token)).isEqualTo(Scopes.ALL);
        clock.advance(TokenIssuer.LIFETIME.minusSeconds(1));
        assertThat(issuer.verify(token)).isEqualTo(Scopes.ALL);
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> issuer.verify(token))
                .isInstanceOf(TokenIssuer.InvalidTokenException.class)
                .hasMessage("the token has expired");
    }

    @Test
    void aTokenChangedInOneCharacterIsRefusedAfterTheOriginalWasAccepted() {
        String token = issuer.issue("jeeves-admin", Scopes.ALL).value();
        assertThat(issuer.verify(token)).isEqualTo(Scopes.ALL);
        // The signature's first character: all six of its bits are signature bits. (Not the last: of its six bits
        // only two are, and a decoder ignores the rest, so some changes there leave the signature as it was.)
        int at = token.lastIndexOf('.') + 1;
        String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        assertThatThrownBy(() -> issuer.verify(forged)).isInstanceOf(TokenIssuer.InvalidTokenException.class);
    }

    /** Claims as issue() writes them, changed by {@code change}, signed with our own key. */
    String signedByUs(java.util.function.UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet genuine = SignedJWT.parse(
                        issuer.issue("jeeves-admin", Scopes.ALL).value())
                .getJWTClaimsSet();
        RSAKey ours = keys.signingKey();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ours.getKeyID()).build(),
                change.apply(new JWTClaimsSet.Builder(genuine)).build());
        jwt.sign(new RSASSASigner(ours));
        return jwt.serialize();
    }

    @Test
    void refusesOurOwnSignatureOnClaimsNotMadeForThisApi() throws Exception {
        assertThat(issuer.verify(signedByUs(claims -> claims))).isEqualTo(Scopes.ALL);
        assertThatThrownBy(() -> issuer.verify(signedByUs(claims -> claims.issuer("someone-else"))))
                .hasMessage("the token was not issued for this API");
        assertThatThrownBy(() -> issuer.verify(signedByUs(claims -> claims.audience("another-api"))))
                .hasMessage("the token was not issued for this API");
        assertThatThrownBy(() -> issuer.verify(signedByUs(claims -> claims.expirationTime(null))))
                .hasMessage("the token has expired");
        assertThat(issuer.verify(signedByUs(claims -> claims.claim("scope", null))))
                .as("a token without scopes grants none")
                .isEmpty();
    }

    @Test
    void aRememberedTokenIsRefusedOnceAnOperatorDeletesItsKey() throws Exception {
        String token = issuer.issue("jeeves-admin", Scopes.ALL).value();
        assertThat(issuer.verify(token)).isEqualTo(Scopes.ALL);
        clock.advance(Duration.ofMinutes(2));
        assertThat(keys.rotateIfOlderThan(Duration.ofMinutes(1))).isTrue();
        // A leaked key is revoked by deleting its row: every instance reads the keys again within REFRESH.
        try (var connection = database.dataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM signing_keys WHERE generation = 1");
        }
        clock.advance(SigningKeys.REFRESH.plusSeconds(1));
        assertThatThrownBy(() -> issuer.verify(token)).hasMessage("the token's signature is not valid");
        assertThatThrownBy(() -> issuer.verify(token))
                .as("and it is not remembered as good either")
                .hasMessage("the token's signature is not valid");
    }

    /** Tokens an attacker can make without our private key: each must be refused, and a jku never fetched. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void refusesAForgedToken(String forgery, Forger forger) throws Exception {
        HttpServer keyServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger fetched = new AtomicInteger();
        keyServer.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        keyServer.start();
        try {
            SignedJWT genuine =
                    SignedJWT.parse(issuer.issue("jeeves-admin", Scopes.ALL).value());
            URI jku = URI.create("http://127.0.0.1:" + keyServer.getAddress().getPort() + "/jwks.json");
            RSAKey ours = (RSAKey) JWKSet.parse(issuer.jwks())
                    .getKeyByKeyId(genuine.getHeader().getKeyID());
            String forged = forger.forge(genuine, ours, jku);
            assertThatThrownBy(() -> issuer.verify(forged))
                    .as(forgery)
                    .isInstanceOf(TokenIssuer.InvalidTokenException.class);
            assertThat(fetched).as("requests to the token's jku").hasValue(0);
        } finally {
            keyServer.stop(0);
        }
    }

    /** Makes a forged token from a genuine one (its kid and claims) and an address the forger controls. */
    @FunctionalInterface
    interface Forger {
        String forge(SignedJWT genuine, RSAKey ours, URI jku) throws Exception;
    }

    static Stream<Arguments> forgeries() throws Exception {
        RSAKey mallory = new RSAKeyGenerator(2048).generate();
        return Stream.of(
                Arguments.of("alg none", (Forger)
                        (genuine, ours, jku) -> new PlainJWT(genuine.getJWTClaimsSet()).serialize()),
                Arguments.of("alg none, signature kept", (Forger) (genuine, ours, jku) -> {
                    Base64URL[] parts = genuine.getParsedParts();
                    String none = Base64URL.encode("{\"alg\":\"none\",\"kid\":\""
                                    + genuine.getHeader().getKeyID() + "\"}")
                            .toString();
                    return none + "." + parts[1] + "." + parts[2];
                }),
                Arguments.of("HS256 keyed with our public key", (Forger) (genuine, ours, jku) -> {
                    // The classic confusion: a verifier that takes the key for an HMAC secret accepts this.
                    byte[] publicKey = ours.toRSAPublicKey().getEncoded();
                    SignedJWT hmac = new SignedJWT(
                            new JWSHeader.Builder(JWSAlgorithm.HS256)
                                    .keyID(genuine.getHeader().getKeyID())
                                    .build(),
                            genuine.getJWTClaimsSet());
                    hmac.sign(new MACSigner(publicKey));
                    return hmac.serialize();
                }),
                Arguments.of("RS256 by a foreign key under our kid", (Forger) (genuine, ours, jku) -> signed(
                        mallory,
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(genuine.getHeader().getKeyID()),
                        genuine)),
                Arguments.of("RS256 by a foreign key it embeds as jwk", (Forger) (genuine, ours, jku) -> signed(
                        mallory,
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(genuine.getHeader().getKeyID())
                                .jwk(mallory.toPublicJWK()),
                        genuine)),
                Arguments.of("RS256 by a foreign key at a jku", (Forger) (genuine, ours, jku) -> signed(
                        mallory,
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(mallory.getKeyID())
                                .jwkURL(jku),
                        genuine)),
                Arguments.of("RS256 under a kid we never issued", (Forger) (genuine, ours, jku) ->
                        signed(mallory, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("not-ours"), genuine)));
    }

    private static String signed(RSAKey key, JWSHeader.Builder header, SignedJWT genuine) throws Exception {
        SignedJWT jwt = new SignedJWT(header.build(), genuine.getJWTClaimsSet());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
