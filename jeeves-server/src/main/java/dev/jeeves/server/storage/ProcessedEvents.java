package dev.jeeves.server.storage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Slack events accepted, with the message each asks Jeeves to answer and what became of it. The primary key makes
 * {@link #accept} atomic: when Slack's retry arrives while the first attempt still runs, only one of them wins, in
 * this server or any other on the same database. The state makes answering idempotent: a reply recorded as
 * {@code ANSWERED} is never posted again, whoever runs the work next.
 */
public final class ProcessedEvents {
    private final Jdbc jdbc;
    private final Clock clock;

    /** Creates the store over a migrated database. */
    public ProcessedEvents(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    /** What an accepted event asks for and where it stands. */
    public enum State {
        /** Recorded; the reply is not sent yet. */
        ACCEPTED,
        /** The reply was delivered. */
        ANSWERED,
        /** The reply could not be delivered and will not be tried again. */
        FAILED
    }

    /**
     * An accepted message.
     *
     * @param eventId Slack's event id
     * @param userId who wrote
     * @param channel where the answer goes
     * @param text what they wrote
     * @param threadTs the thread to answer in, if any
     * @param state where it stands
     */
    public record Accepted(
            String eventId, String userId, String channel, String text, Optional<String> threadTs, State state) {}

    /** Records the event and its message as {@code ACCEPTED}; true only for the first caller with that id. */
    public boolean accept(String eventId, String userId, String channel, String text, Optional<String> threadTs) {
        return jdbc.insertUnlessPresent(
                "INSERT INTO processed_events (event_id, received_at, user_id, channel, message_text, thread_ts, state)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'ACCEPTED')",
                eventId,
                Timestamp.from(clock.instant()),
                userId,
                channel,
                text,
                threadTs.orElse(null));
    }

    /** The accepted event with this id, if it is still kept. */
    public Optional<Accepted> find(String eventId) {
        return jdbc.queryOne(
                "SELECT user_id, channel, message_text, thread_ts, state FROM processed_events WHERE event_id = ?",
                row -> new Accepted(
                        eventId,
                        row.getString("user_id"),
                        row.getString("channel"),
                        row.getString("message_text"),
                        Optional.ofNullable(row.getString("thread_ts")),
                        State.valueOf(row.getString("state"))),
                eventId);
    }

    /** Records that the reply was delivered. */
    public void answered(String eventId) {
        finish(eventId, State.ANSWERED, null);
    }

    /** Records that the reply will not be delivered, and why (what {@code jeeves status} counts). */
    public void failed(String eventId, String reason) {
        finish(eventId, State.FAILED, reason.length() > 500 ? reason.substring(0, 500) : reason);
    }

    private void finish(String eventId, State state, String failure) {
        jdbc.update(
                "UPDATE processed_events SET state = ?, finished_at = ?, failure = ? WHERE event_id = ?",
                state.name(),
                Timestamp.from(clock.instant()),
                failure,
                eventId);
    }

    /** How many events are in {@code state}, among those kept. */
    public long count(State state) {
        return counts().getOrDefault(state, 0L);
    }

    /** How many events are in each state, among those kept, in one query (states without any are left out). */
    public Map<State, Long> counts() {
        Map<State, Long> counts = new EnumMap<>(State.class);
        jdbc.query(
                        "SELECT state, COUNT(*) FROM processed_events GROUP BY state",
                        row -> Map.entry(State.valueOf(row.getString(1)), row.getLong(2)))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /**
     * Forgets finished events older than {@code keep}; returns how many. Slack stops retrying after minutes; an
     * event still waiting for its answer is kept whatever its age.
     */
    public int purgeOlderThan(Duration keep) {
        return jdbc.update(
                "DELETE FROM processed_events WHERE received_at < ? AND state <> 'ACCEPTED'",
                Timestamp.from(clock.instant().minus(keep)));
    }
}
