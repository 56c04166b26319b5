package dev.jeeves.server.auth;

import dev.jeeves.server.support.ProblemException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Map;
import java.util.Set;

/**
 * Guards {@code /api/**}: a valid bearer token or 401 (with {@code WWW-Authenticate}, RFC 6750), and the scope
 * the call needs or 403. Slack's endpoint has its own signature check; health and metrics stay open.
 */
public final class BearerAuth implements Filter {
    private final TokenIssuer issuer;

    /** Creates the filter. */
    public BearerAuth(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.prologue().uriPath().path();
        if (path.equals("/api") || path.startsWith("/api/")) {
            authorize(
                    req.prologue().method().text(),
                    path,
                    req.headers().first(HeaderNames.AUTHORIZATION).orElse(null));
        }
        chain.proceed();
    }

    private void authorize(String method, String path, String authorization) {
        if (authorization == null) {
            throw unauthorized(
                    null,
                    "this endpoint needs \"Authorization: Bearer <token>\"; get a token from"
                            + " POST /oauth/token or with \"jeeves token\"");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            throw unauthorized("invalid_request", "the Authorization header must be \"Bearer <token>\"");
        }
        Set<String> scopes;
        try {
            scopes = issuer.verify(authorization.substring(7).strip());
        } catch (TokenIssuer.InvalidTokenException e) {
            throw unauthorized("invalid_token", e.getMessage());
        }
        String needed = Scopes.requiredFor(method, path);
        if (needed != null && !scopes.contains(needed)) {
            throw new ProblemException(
                    Status.FORBIDDEN_403,
                    "the token lacks the \"" + needed + "\" scope needed for " + method + " " + path,
                    Map.of(
                            "WWW-Authenticate",
                            "Bearer realm=\"jeeves\", error=\"insufficient_scope\", scope=\"" + needed + "\""));
        }
    }

    private static ProblemException unauthorized(String error, String description) {
        String challenge = error == null
                ? "Bearer realm=\"jeeves\""
                : "Bearer realm=\"jeeves\", error=\"" + error + "\", error_description=\"" + headerSafe(description)
                        + "\"";
        return new ProblemException(Status.UNAUTHORIZED_401, description, Map.of("WWW-Authenticate", challenge));
    }

    /**
     * The description as RFC 6750 §3 allows it in the header: printable ASCII without {@code "} and {@code \}
     * (quotes become apostrophes, anything else a question mark). The body's {@code detail} keeps the original.
     */
    static String headerSafe(String description) {
        StringBuilder safe = new StringBuilder(description.length());
        description
                .chars()
                .forEach(c -> safe.append(c == '"' ? '\'' : c >= 0x20 && c <= 0x7e && c != '\\' ? (char) c : '?'));
        return safe.toString();
    }
}
