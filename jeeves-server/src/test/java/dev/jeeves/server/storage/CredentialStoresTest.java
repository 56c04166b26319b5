package dev.jeeves.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jeeves.server.storage.SigningKeyStore.StoredKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows several instances race to write on a shared database: an API client, a signing key's generation and a
 * day's alert each go to exactly one of them, and the others are told they lost.
 */
class CredentialStoresTest {
    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    @TempDir
    Path dataDir;

    private Database database;

    @BeforeEach
    void open() {
        database = InMemoryDatabase.open(dataDir);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void addsAnApiClientOnceAndKeepsTheFirstSecret() {
        ApiClientStore clients = new ApiClientStore(database.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(clients.add("cli", "first")).isTrue();
        assertThat(clients.add("cli", "second")).isFalse();
        assertThat(clients.secret("cli")).contains("first");
    }

    @Test
    void addsASigningKeysGenerationOnceAndKeepsTheFirst() {
        SigningKeyStore keys = new SigningKeyStore(database.dataSource());
        assertThat(keys.add(new StoredKey(1, "k1", "{}", NOW))).isTrue();
        assertThat(keys.add(new StoredKey(1, "k1-other", "{}", NOW))).isFalse();
        assertThat(keys.all()).extracting(StoredKey::keyId).containsExactly("k1");
    }

    @Test
    void givesADaysAlertToOneClaimOnly() {
        new UserStore(database.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC)).ensureExists("U1");
        AlertStore alerts = new AlertStore(database.dataSource());
        alerts.enable("U1", LocalTime.of(8, 0));
        LocalDate monday = LocalDate.of(2026, 11, 30);

        assertThat(alerts.claim("U1", monday)).isTrue();
        assertThat(alerts.claim("U1", monday)).as("the same day, claimed again").isFalse();
        assertThat(alerts.claim("U1", monday.minusDays(1)))
                .as("a day already past")
                .isFalse();
        assertThat(alerts.claim("U1", monday.plusDays(1))).isTrue();
        assertThat(alerts.claim("U2", monday)).as("a user with no alert").isFalse();
    }
}
