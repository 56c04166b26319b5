package dev.jeeves.server.support;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

/**
 * Problem details for what Helidon refuses before any route runs: a request line or headers it cannot parse (a
 * malformed percent-escape in the path, a header over the limit), a URI over the limit. Helidon answers those with
 * an empty body and no Content-Type by default; this answers them in the same RFC 9457 shape as every other error.
 *
 * <pre>{@code
 * curl -si localhost:8080/api/users/%zz
 * HTTP/1.1 400 Bad Request
 * Content-Type: application/problem+json
 * {"type":"about:blank","title":"Bad Request","status":400,"detail":"the request could not be read: ...",...}
 * }</pre>
 */
public final class DirectProblems implements DirectHandler {
    private DirectProblems() {}

    /** The handlers to give the web server, one per kind of early refusal. */
    public static DirectHandlers all() {
        DirectProblems handler = new DirectProblems();
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            handlers.addHandler(type, handler);
        }
        return handlers.build();
    }

    @Override
    public TransportResponse handle(
            TransportRequest request,
            EventType eventType,
            Status status,
            ServerResponseHeaders headers,
            String message) {
        String detail = status.family() == Status.Family.SERVER_ERROR
                ? "Jeeves failed to read this request"
                : "the request could not be read: "
                        + (message == null || message.isBlank() ? status.reasonPhrase() : message);
        byte[] body = Problems.bytes(Problems.of(status, detail, request.path()));
        headers.set(HeaderNames.CONTENT_TYPE, Problems.MEDIA_TYPE.text());
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .keepAlive(eventType.keepAlive())
                .entity(body)
                .build();
    }
}
