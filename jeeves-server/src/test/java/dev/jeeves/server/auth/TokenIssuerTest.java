package dev.jeeves.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.InMemoryDatabase;
import dev.jeeves.server.storage.SigningKeyStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A token checked once is remembered for its next requests, and never beyond what checking it again would allow. */
class TokenIssuerTest {
    @TempDir
    Path dataDir;

    Database database;
    final SigningKeysTest.MovableClock clock = new SigningKeysTest.MovableClock(Instant.parse("2026-11-29T10:00:00Z"));
    TokenIssuer issuer;

    @BeforeEach
    void setUp() {
        database = InMemoryDatabase.open(dataDir);
        issuer = new TokenIssuer(
                SigningKeys.loadOrCreate(new SigningKeyStore(database.dataSource()), dataDir, clock), clock);
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
}
