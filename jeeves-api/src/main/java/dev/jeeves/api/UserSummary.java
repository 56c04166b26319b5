package dev.jeeves.api;

/**
 * A user as a list shows them.
 *
 * @param id their id, e.g. Slack's {@code U123ABC}
 * @param name display name, or null
 * @param email email, or null
 * @param location where their weather comes from, or null
 * @param createdAt when they first talked to Jeeves (ISO-8601)
 */
public record UserSummary(String id, String name, String email, Location location, String createdAt) {}
