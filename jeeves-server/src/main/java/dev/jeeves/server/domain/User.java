package dev.jeeves.server.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A person Jeeves talks to, keyed by their Slack user id (or any id a CLI user picks).
 *
 * @param id Slack user id such as {@code U123ABC}
 * @param displayName how to call them, if known
 * @param email their email, if known
 * @param location where their weather comes from, if set
 * @param createdAt when they first talked to Jeeves
 */
public record User(
        String id, Optional<String> displayName, Optional<String> email, Optional<Place> location, Instant createdAt) {}
