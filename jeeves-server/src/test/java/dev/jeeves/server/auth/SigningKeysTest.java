package dev.jeeves.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.InMemoryDatabase;
import dev.jeeves.server.storage.SigningKeyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys shared through the database: any instance checks any instance's tokens, across a rotation too. */
class SigningKeysTest {
    @TempDir
    Path dataDir;

    Database database;
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T10:00:00Z"));

    @BeforeEach
    void setUp() {
        database = InMemoryDatabase.open(dataDir);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private TokenIssuer instance() {
        SigningKeys keys = SigningKeys.loadOrCreate(new SigningKeyStore(database.dataSource()), dataDir, clock);
        return new TokenIssuer(keys, clock);
    }

    private static int keysIn(TokenIssuer issuer) throws Exception {
        return JWKSet.parse(issuer.jwks()).getKeys().size();
    }

    @Test
    void aTokenFromOneInstanceIsAcceptedByAnother() throws Exception {
        TokenIssuer first = instance();
        TokenIssuer second = instance();
        String token = first.issue("jeeves-admin", Scopes.ALL).value();
        assertThat(second.verify(token)).isEqualTo(Scopes.ALL);
        assertThat(second.jwks()).isEqualTo(first.jwks());
        assertThat(keysIn(first)).isEqualTo(1);
    }

    @Test
    void rotatingKeepsOldTokensValidUntilTheyExpireThenRetiresTheOldKey() throws Exception {
        TokenIssuer before = instance();
        String oldToken = before.issue("jeeves-admin", Scopes.ALL).value();
        SigningKeys rotator = SigningKeys.loadOrCreate(new SigningKeyStore(database.dataSource()), dataDir, clock);

        assertThat(rotator.rotateIfOlderThan(Duration.ofDays(30))).isFalse();
        clock.advance(Duration.ofDays(31));
        assertThat(rotator.rotateIfOlderThan(Duration.ofDays(30))).isTrue();

        // Another instance, which knows the new key only from the database, checks both and signs with the new one.
        TokenIssuer after = instance();
        String newToken = after.issue("jeeves-admin", Scopes.ALL).value();
        assertThat(keysIn(after)).isEqualTo(2);
        assertThat(before.verify(newToken)).isEqualTo(Scopes.ALL); // an unknown kid makes it re-read the keys

        clock.advance(TokenIssuer.LIFETIME.plus(SigningKeys.REFRESH).plusSeconds(1));
        TokenIssuer muchLater = instance();
        assertThat(keysIn(muchLater)).isEqualTo(1);
        assertThat(muchLater.verify(muchLater.issue("jeeves-admin", Scopes.ALL).value()))
                .isEqualTo(Scopes.ALL);
        assertThatThrownBy(() -> muchLater.verify(oldToken)).isInstanceOf(TokenIssuer.InvalidTokenException.class);
    }

    @Test
    void aSecondInstanceUsesTheFirstKeyRatherThanAddingItsOwn() throws Exception {
        SigningKeyStore store = new SigningKeyStore(database.dataSource());
        SigningKeys.loadOrCreate(store, dataDir, clock);
        SigningKeys.loadOrCreate(store, dataDir, clock);
        assertThat(store.all()).hasSize(1);
    }

    @Test
    void anInstanceSignsWithAKeyAnotherAddedOnceItReadsTheKeysAgain() {
        SigningKeys first = SigningKeys.loadOrCreate(new SigningKeyStore(database.dataSource()), dataDir, clock);
        SigningKeys second = SigningKeys.loadOrCreate(new SigningKeyStore(database.dataSource()), dataDir, clock);
        String original = first.signingKey().getKeyID();
        clock.advance(Duration.ofDays(31));
        assertThat(second.rotateIfOlderThan(Duration.ofDays(30))).isTrue();

        assertThat(first.signingKey().getKeyID())
                .as("its copy of the keys is older than REFRESH: it reads them again")
                .isEqualTo(second.signingKey().getKeyID())
                .isNotEqualTo(original);
    }

    @Test
    void keepsTheKeyAnOlderJeevesLeftInTheDataDirectory() throws Exception {
        RSAKey legacy = new RSAKeyGenerator(2048).keyID("legacy-key").generate();
        Files.writeString(dataDir.resolve(SigningKeys.LEGACY_KEY_FILE), legacy.toJSONString());
        try (Database fresh = InMemoryDatabase.open(dataDir)) {
            SigningKeys keys = SigningKeys.loadOrCreate(new SigningKeyStore(fresh.dataSource()), dataDir, clock);
            assertThat(keys.signingKey()).isEqualTo(legacy);
        }
    }

    /** A clock tests move forward. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
