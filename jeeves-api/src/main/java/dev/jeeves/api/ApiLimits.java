package dev.jeeves.api;

import java.util.regex.Pattern;

/**
 * The limits of the HTTP API, in one place: the server enforces them, the CLI checks them before sending, and the
 * OpenAPI document states them.
 */
public final class ApiLimits {
    /** A user id: letters, digits, {@code . _ -}; 1 to 64 of them (Slack ids like {@code U123ABC} fit). */
    public static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Longest user id, in characters. */
    public static final int MAX_USER_ID_LENGTH = 64;
    /** Longest message text, in characters (Slack's own limit is larger, but no action needs it). */
    public static final int MAX_TEXT_LENGTH = 4000;
    /** Longest display name. */
    public static final int MAX_NAME_LENGTH = 128;
    /** Longest email address (RFC 5321's path limit). */
    public static final int MAX_EMAIL_LENGTH = 254;
    /** Longest place name to look up. */
    public static final int MAX_LOCATION_LENGTH = 200;
    /** Largest page of users. */
    public static final int MAX_PAGE_SIZE = 500;
    /** The page size when none is asked for. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** Largest API request body, in bytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private ApiLimits() {}
}
