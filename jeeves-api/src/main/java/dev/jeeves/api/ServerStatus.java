package dev.jeeves.api;

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
 */
public record ServerStatus(
        String status,
        String version,
        String startedAt,
        long uptimeSeconds,
        Database database,
        Map<String, String> circuits) {

    /**
     * The database behind the server.
     *
     * @param product e.g. {@code H2}, {@code unknown} while unreachable
     * @param reachable whether it answers
     */
    public record Database(String product, boolean reachable) {}
}
