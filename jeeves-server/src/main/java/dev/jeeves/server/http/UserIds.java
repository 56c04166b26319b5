package dev.jeeves.server.http;

import java.util.regex.Pattern;

/** What a user id may look like: Slack ids ({@code U123ABC}) and the simple names CLI users pick. */
public final class UserIds {
    /** Letters, digits, {@code . _ -}; 1 to 64 of them. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private UserIds() {}

    /** Returns the id, or refuses the request with 400 saying what an id may contain. */
    public static String require(String id) {
        if (id == null || !PATTERN.matcher(id).matches()) {
            throw ProblemException.badRequest("\"" + (id == null ? "" : id)
                    + "\" is not a valid user id: use 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return id;
    }
}
