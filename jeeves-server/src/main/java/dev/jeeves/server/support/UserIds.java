package dev.jeeves.server.support;

import dev.jeeves.api.ApiLimits;

/** What a user id may look like ({@link ApiLimits#USER_ID}): Slack ids ({@code U123ABC}) and simple names. */
public final class UserIds {
    private UserIds() {}

    /** Returns the id, or refuses the request with 400 saying what an id may contain. */
    public static String require(String id) {
        if (id == null || !ApiLimits.USER_ID.matcher(id).matches()) {
            throw ProblemException.badRequest("\"" + (id == null ? "" : id)
                    + "\" is not a valid user id: use 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return id;
    }
}
