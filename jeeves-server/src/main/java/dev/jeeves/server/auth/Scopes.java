package dev.jeeves.server.auth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The scopes a token can carry, and which one each API call needs. */
public final class Scopes {
    /** Send messages: {@code POST /api/messages}. */
    public static final String MESSAGES = "messages";
    /** Read users: {@code GET /api/users/**}. */
    public static final String USERS_READ = "users:read";
    /** Change and delete users: {@code PUT|DELETE /api/users/**}. */
    public static final String USERS_WRITE = "users:write";
    /** Everything the admin client may do. */
    public static final Set<String> ALL = Set.of(MESSAGES, USERS_READ, USERS_WRITE);

    private Scopes() {}

    /** Parses a space-separated scope string (OAuth 2's format). */
    public static Set<String> parse(String scopes) {
        return Arrays.stream(scopes.strip().split("\\s+"))
                .filter(scope -> !scope.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Formats scopes as OAuth 2 does: sorted, space-separated. */
    public static String format(Set<String> scopes) {
        return scopes.stream().sorted().collect(Collectors.joining(" "));
    }

    /**
     * The scope a request needs, or {@code null} when any valid token will do.
     *
     * @param method the HTTP method
     * @param path the request path, starting with {@code /api/}
     */
    static String requiredFor(String method, String path) {
        if (path.equals("/api/messages") || path.startsWith("/api/messages/")) {
            return MESSAGES;
        }
        if (path.equals("/api/users") || path.startsWith("/api/users/")) {
            return method.equals("GET") || method.equals("HEAD") ? USERS_READ : USERS_WRITE;
        }
        return null;
    }
}
