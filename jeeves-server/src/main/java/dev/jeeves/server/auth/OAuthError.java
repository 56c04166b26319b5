package dev.jeeves.server.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jeeves.api.Json;
import dev.jeeves.api.Problem;
import dev.jeeves.server.support.Problems;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;

/**
 * A refused token request, answered as RFC 6749 §5.2 says: {@code application/json} with {@code error} and {@code
 * error_description}, which OAuth client libraries parse (some check the media type, so not {@code
 * application/problem+json}). The body carries the problem-details members too ({@code status}, {@code detail}...),
 * so Jeeves' own clients read it like any other refusal.
 *
 * <pre>{@code
 * curl -s localhost:8080/oauth/token -d grant_type=password
 * {"error":"unsupported_grant_type","error_description":"grant_type must be client_credentials, got \"password\"",...}
 * }</pre>
 */
public final class OAuthError extends RuntimeException {
    private final Status status;
    private final String error;
    private final String description;
    private final Map<String, String> headers;

    OAuthError(Status status, String error, String description) {
        this(status, error, description, Map.of());
    }

    OAuthError(Status status, String error, String description, Map<String, String> headers) {
        super(error + ": " + description);
        this.status = status;
        this.error = error;
        this.description = description;
        this.headers = Map.copyOf(headers);
    }

    /** The error handler that writes it. */
    public static void answer(ServerRequest req, ServerResponse res, OAuthError e) {
        e.headers.forEach((name, value) -> res.header(HeaderNames.create(name), value));
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.status(e.status);
        res.headers().contentType(HttpMediaType.create(MediaTypes.APPLICATION_JSON));
        TokenError body = new TokenError(
                e.error,
                e.description,
                Problems.of(e.status, e.getMessage(), req.prologue().uriPath().rawPath()));
        try {
            res.send(Json.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The answer: RFC 6749's two members, then RFC 9457's. */
    record TokenError(
            String error,
            @JsonProperty("error_description") String errorDescription,
            @JsonUnwrapped Problem problem) {}
}
