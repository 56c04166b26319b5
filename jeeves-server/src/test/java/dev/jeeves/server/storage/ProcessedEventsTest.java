package dev.jeeves.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jeeves.server.storage.ProcessedEvents.State;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessedEventsTest {
    private static final Instant RECEIVED = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path dataDir;

    private static ProcessedEvents at(Database database, Duration afterReceipt) {
        return new ProcessedEvents(database.dataSource(), Clock.fixed(RECEIVED.plus(afterReceipt), ZoneOffset.UTC));
    }

    private Database database() {
        return InMemoryDatabase.open(dataDir);
    }

    @Test
    void acceptsAnEventIdOnceAndKeepsItsMessage() {
        try (Database database = database()) {
            ProcessedEvents events = at(database, Duration.ZERO);
            assertThat(events.accept("Ev1", "U1", "D1", "weather in Paris", Optional.of("1.2")))
                    .isTrue();
            assertThat(events.accept("Ev1", "U1", "D1", "weather in Paris", Optional.of("1.2")))
                    .isFalse();
            assertThat(events.find("Ev1"))
                    .contains(new ProcessedEvents.Accepted(
                            "Ev1", "U1", "D1", "weather in Paris", Optional.of("1.2"), State.ACCEPTED));
            assertThat(events.count(State.ACCEPTED)).isEqualTo(1);
        }
    }

    @Test
    void recordsWhatBecameOfEachAnswer() {
        try (Database database = database()) {
            ProcessedEvents events = at(database, Duration.ZERO);
            events.accept("Ev1", "U1", "D1", "help", Optional.empty());
            events.accept("Ev2", "U1", "C404", "help", Optional.empty());
            events.answered("Ev1");
            events.failed("Ev2", "Slack refused it: channel_not_found");
            assertThat(events.find("Ev1").orElseThrow().state()).isEqualTo(State.ANSWERED);
            assertThat(events.find("Ev2").orElseThrow().state()).isEqualTo(State.FAILED);
            assertThat(events.count(State.ACCEPTED)).isZero();
            assertThat(events.count(State.FAILED)).isEqualTo(1);
        }
    }

    @Test
    void keepsTheFirst500CharactersOfAFailuresReason() {
        try (Database database = database()) {
            ProcessedEvents events = at(database, Duration.ZERO);
            events.accept("Ev1", "U1", "D1", "help", Optional.empty());
            // Slack's error bodies are not ours to size: a long one must not turn a failure into a storage error.
            events.failed("Ev1", "x".repeat(5000));
            assertThat(events.find("Ev1").orElseThrow().state()).isEqualTo(State.FAILED);
        }
    }

    @Test
    void forgetsFinishedEventsOnlyAfterTheKeepTimeAndNeverOneStillWaiting() {
        try (Database database = database()) {
            ProcessedEvents atReceipt = at(database, Duration.ZERO);
            atReceipt.accept("EvDone", "U1", "D1", "help", Optional.empty());
            atReceipt.accept("EvWaiting", "U1", "D1", "help", Optional.empty());
            atReceipt.answered("EvDone");

            assertThat(at(database, Duration.ofMinutes(61)).purgeOlderThan(Duration.ofHours(2)))
                    .isZero();
            assertThat(atReceipt.accept("EvDone", "U1", "D1", "help", Optional.empty()))
                    .isFalse();

            ProcessedEvents later = at(database, Duration.ofHours(3));
            assertThat(later.purgeOlderThan(Duration.ofHours(2))).isEqualTo(1);
            assertThat(later.find("EvWaiting")).isPresent();
            assertThat(later.accept("EvDone", "U1", "D1", "help", Optional.empty()))
                    .isTrue();
        }
    }
}
