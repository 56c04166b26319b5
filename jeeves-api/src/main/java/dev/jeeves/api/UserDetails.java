package dev.jeeves.api;

import java.util.Map;

/**
 * One user with their settings and daily alert ({@code GET} and {@code PUT /api/users/{id}}).
 *
 * @param id their id
 * @param name display name, or null
 * @param email email, or null
 * @param location where their weather comes from, or null
 * @param createdAt when they first talked to Jeeves (ISO-8601)
 * @param settings their {@code config set} values, sorted by key
 * @param alert their daily weather alert, or null when off
 */
public record UserDetails(
        String id,
        String name,
        String email,
        Location location,
        String createdAt,
        Map<String, String> settings,
        Alert alert) {

    /**
     * A daily weather alert.
     *
     * @param time the local time it is sent at, {@code HH:MM}
     */
    public record Alert(String time) {}
}
