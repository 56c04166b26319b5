package dev.jeeves.server.storage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Slack event ids already accepted. The primary key makes {@link #claim} atomic: when Slack's retry arrives
 * while the first attempt still runs, only one of them wins, in this server or any other on the same database.
 */
public final class ProcessedEvents {
    private final Jdbc jdbc;
    private final Clock clock;

    /** Creates the store over a migrated database. */
    public ProcessedEvents(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    /** Records the event id; true only for the first caller with that id. */
    public boolean claim(String eventId) {
        return jdbc.insertUnlessPresent(
                "INSERT INTO processed_events (event_id, received_at) VALUES (?, ?)",
                eventId,
                Timestamp.from(clock.instant()));
    }

    /** Forgets ids older than {@code keep}; returns how many. Slack stops retrying after minutes. */
    public int purgeOlderThan(Duration keep) {
        return jdbc.update(
                "DELETE FROM processed_events WHERE received_at < ?",
                Timestamp.from(clock.instant().minus(keep)));
    }

    /** Forgets an id that was claimed but could not be processed, so Slack's retry is accepted. */
    public void release(String eventId) {
        jdbc.update("DELETE FROM processed_events WHERE event_id = ?", eventId);
    }
}
