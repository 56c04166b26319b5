package dev.jeeves.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessedEventsTest {
    @TempDir
    Path dataDir;

    @Test
    void claimsAnEventIdOnceAndForgetsItOnlyAfterTheKeepTime() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Database database = Database.open(url, dataDir)) {
            Instant received = Instant.parse("2026-11-27T10:00:00Z");
            ProcessedEvents atReceipt =
                    new ProcessedEvents(database.dataSource(), Clock.fixed(received, ZoneOffset.UTC));
            assertThat(atReceipt.claim("Ev1")).isTrue();
            assertThat(atReceipt.claim("Ev1")).isFalse();

            ProcessedEvents anHourLater = new ProcessedEvents(
                    database.dataSource(), Clock.fixed(received.plus(Duration.ofMinutes(61)), ZoneOffset.UTC));
            assertThat(anHourLater.purgeOlderThan(Duration.ofHours(2))).isZero();
            assertThat(anHourLater.claim("Ev1")).isFalse();

            ProcessedEvents later = new ProcessedEvents(
                    database.dataSource(), Clock.fixed(received.plus(Duration.ofHours(3)), ZoneOffset.UTC));
            assertThat(later.purgeOlderThan(Duration.ofHours(2))).isEqualTo(1);
            assertThat(later.claim("Ev1")).isTrue();
        }
    }

    @Test
    void releasedIdsCanBeClaimedAgain() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Database database = Database.open(url, dataDir)) {
            ProcessedEvents events = new ProcessedEvents(database.dataSource(), Clock.systemUTC());
            assertThat(events.claim("Ev2")).isTrue();
            events.release("Ev2");
            assertThat(events.claim("Ev2")).isTrue();
        }
    }
}
