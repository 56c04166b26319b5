package dev.jeeves.server.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jeeves.api.Json;
import dev.jeeves.api.Problem;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into {@code application/problem+json} (RFC 9457): the caller's mistakes with the detail
 * they need, our own failures with an id to find in the log and no stack trace.
 *
 * <pre>{@code
 * curl -s localhost:8080/api/messages -H "Authorization: Bearer $(jeeves token)" \
 *      -H 'Content-Type: application/json' -d '{"user":"U1"}'
 * {"type":"about:blank","title":"Bad Request","status":400,"detail":"field \"text\" is required","instance":"/api/messages"}
 * }</pre>
 */
public final class Problems {
    /** How a problem's Content-Type is written. */
    public static final HttpMediaType MEDIA_TYPE = HttpMediaType.create(Problem.MEDIA_TYPE);

    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    private Problems() {}

    /**
     * Registers the error handlers on a routing: a {@link ProblemException} as itself, Helidon's own refusals with
     * their status, anything else as a 500. Register handlers for more specific failures after this.
     */
    public static void register(HttpRouting.Builder routing) {
        routing.error(ProblemException.class, Problems::problem)
                .error(HttpException.class, Problems::helidon)
                .error(
                        Exception.class,
                        (req, res, e) -> failure(
                                req, res, Status.INTERNAL_SERVER_ERROR_500, "Jeeves failed to handle this request", e));
    }

    /**
     * An error handler for a dependency that failed (the database, an upstream): 503 with the detail made of the
     * failure, logged with its cause and an id.
     */
    public static <T extends Exception> ErrorHandler<T> unavailable(Function<T, String> detail) {
        return (req, res, e) -> failure(req, res, Status.SERVICE_UNAVAILABLE_503, detail.apply(e), e);
    }

    /**
     * A handler for the methods a path does not take: 405 with {@code Allow}. Register it with {@code any} after
     * the path's real routes.
     *
     * @param allowed the methods the path takes, e.g. {@code "GET", "PUT"}
     */
    public static Handler onlyMethods(String... allowed) {
        String allow = String.join(", ", allowed);
        return (req, res) -> {
            throw new ProblemException(
                    Status.METHOD_NOT_ALLOWED_405,
                    req.prologue().uriPath().rawPath() + " takes " + allow + ", not "
                            + req.prologue().method().text(),
                    Map.of("Allow", allow));
        };
    }

    /** The problem document for a status and detail at a path. */
    public static Problem of(Status status, String detail, String path) {
        return new Problem("about:blank", status.reasonPhrase(), status.code(), detail, path);
    }

    /**
     * Writes a problem response. Its bytes are written here, not by the media support, which only writes
     * {@code application/json}: a problem says it is one with its own media type.
     */
    public static void send(ServerRequest req, ServerResponse res, Status status, String detail) {
        res.status(status);
        res.headers().contentType(MEDIA_TYPE);
        res.send(bytes(of(status, detail, req.prologue().uriPath().rawPath())));
    }

    /** A problem as the bytes of its JSON. */
    static byte[] bytes(Problem problem) {
        try {
            return Json.MAPPER.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What Helidon itself refuses before any route of ours runs: a path nothing serves (404), a request it cannot
     * parse (400). Our routes cover every method of their paths ({@link #onlyMethods}), so a 404 here is a path.
     */
    private static void helidon(ServerRequest req, ServerResponse res, HttpException e) {
        Status status = e.status();
        if (status.code() == Status.NOT_FOUND_404.code()) {
            send(
                    req,
                    res,
                    status,
                    "no endpoint " + req.prologue().method().text() + " "
                            + req.prologue().uriPath().rawPath() + " (the HTTP API is described at /openapi)");
        } else if (status.family() == Status.Family.CLIENT_ERROR) {
            send(req, res, status, e.getMessage());
        } else {
            failure(req, res, status, "Jeeves failed to handle this request", e);
        }
    }

    private static void problem(ServerRequest req, ServerResponse res, ProblemException e) {
        e.headers().forEach((name, value) -> res.header(HeaderNames.create(name), value));
        send(req, res, e.status(), e.getMessage());
    }

    private static void failure(ServerRequest req, ServerResponse res, Status status, String detail, Exception e) {
        String id = UUID.randomUUID().toString();
        LOG.log(
                Level.SEVERE,
                "request " + req.prologue().method() + " "
                        + req.prologue().uriPath().rawPath() + " failed, id " + id,
                e);
        send(req, res, status, detail + " (error id " + id + ")");
    }
}
