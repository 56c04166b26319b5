package dev.jeeves.server.support;

import io.helidon.http.Status;
import java.util.Map;

/**
 * A request Jeeves will not or cannot serve, answered as RFC 9457 {@code application/problem+json} with a
 * {@code detail} that says exactly what was wrong. Throw it from any handler; {@link Problems} writes it.
 */
public final class ProblemException extends RuntimeException {
    private final Status status;
    private final Map<String, String> headers;

    /** Creates the problem. */
    public ProblemException(Status status, String detail) {
        this(status, detail, Map.of());
    }

    /** Creates the problem with extra response headers (e.g. {@code WWW-Authenticate}). */
    public ProblemException(Status status, String detail, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    /** 400: the request itself is wrong. */
    public static ProblemException badRequest(String detail) {
        return new ProblemException(Status.BAD_REQUEST_400, detail);
    }

    /** 404: no such thing. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(Status.NOT_FOUND_404, detail);
    }

    /** The HTTP status to answer. */
    public Status status() {
        return status;
    }

    /** Extra headers to send with the problem. */
    public Map<String, String> headers() {
        return headers;
    }
}
