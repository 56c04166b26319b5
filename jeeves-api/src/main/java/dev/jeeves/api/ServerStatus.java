package dev.jeeves.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * {@code GET /api/status}: what {@code jeeves status} shows (health is for orchestrators; this is for people).
 *
 * @param status {@code UP}, or {@code DEGRADED} when the database cannot be reached
 * @param version the server's version
 * @param startedAt when it started (ISO-8601)
 * @param uptimeSeconds how long it has run
 * @param database the database's product and whether it answers
 * @param circuits each upstream's circuit breaker: {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}
 * @param slackReplies answers to accepted Slack events not sent yet, and those given up on (null, and left out of
 *     the JSON, while the database is unreachable)
 */
public record ServerStatus(
        String status,
        String version,
        String startedAt,
        long uptimeSeconds,
        Database database,
        Map<String, String> circuits,
        @JsonInclude(JsonInclude.Include.NON_NULL) SlackReplies slackReplies) {

    /**
     * The database behind the server.
     *
     * @param product e.g. {@code H2}, {@code unknown} while unreachable
     * @param reachable whether it answers
     */
    public record Database(String product, boolean reachable) {}

    /**
     * Answers to accepted Slack events, across every instance on the database.
     *
     * @param pending accepted, not answered yet (being worked on, or waiting for a retry)
     * @param failed given up on: refused by Slack, or not delivered after every attempt (see the server's log)
     */
    public record SlackReplies(long pending, long failed) {}
}
