package dev.jeeves.server.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jeeves.api.Json;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads request bodies with a size limit and a deadline, and JSON into records with errors a client can act on.
 *
 * <p>The body is read as bytes under the limit and then mapped with the project's {@link Json#MAPPER}, rather than
 * by {@code req.content().as(type)}: Helidon's media support reads a chunked body without any bound, and an
 * oversized body must be refused (413) before it is held in memory. Replies go out through Helidon's Jackson media
 * support, with the same mapper.
 *
 * <pre>{@code
 * MessageRequest message = bodies.readJson(req, ApiLimits.MAX_BODY_BYTES, MessageRequest.class);
 * }</pre>
 */
public final class RequestBodies {
    private final ReadDeadlines deadlines;

    /** Bodies that must arrive within the deadlines' timeout once reading starts. */
    public RequestBodies(ReadDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    /**
     * Reads the whole body, refusing it with 413 once it passes {@code limit} bytes (declared or actual); a body that
     * takes longer than the deadline to arrive has its connection closed.
     */
    public byte[] read(ServerRequest request, int limit) {
        var declared = request.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > limit) {
            throw tooLarge(declared.getAsLong(), limit);
        }
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        ReadDeadlines.Deadline deadline = deadlines.start();
        byte[] body;
        try (deadline;
                InputStream in = request.content().inputStream()) {
            // A declared length is read into an array of that size (readNBytes(limit + 1) allocated 16 KiB or more
            // for every small body, a third of what an API call allocated); Helidon ends the stream there.
            body = declared.isPresent() ? readDeclared(in, (int) declared.getAsLong()) : in.readNBytes(limit + 1);
        } catch (IOException e) {
            throw deadline.expired() ? tooSlow() : new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // What Helidon throws for a read cut short by the deadline's interrupt varies with where it was.
            throw deadline.expired() ? tooSlow() : e;
        }
        if (deadline.expired()) {
            throw tooSlow();
        }
        if (body.length > limit) {
            throw tooLarge(body.length, limit);
        }
        return body;
    }

    private static byte[] readDeclared(InputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int read = in.readNBytes(body, 0, length);
        return read == length ? body : Arrays.copyOf(body, read);
    }

    /** The deadline's interrupt has closed the connection: nothing can be answered, and nothing is logged. */
    private CloseConnectionException tooSlow() {
        return new CloseConnectionException("the body did not arrive within " + deadlines.timeout());
    }

    /**
     * Reads the body, which must be declared as JSON ({@code application/json} or {@code +json}), into a record.
     * Unknown fields, wrong types and malformed JSON are refused with 400 naming the field or the place.
     */
    public <T> T readJson(ServerRequest request, int limit, Class<T> type) {
        if (!request.content().hasEntity()) {
            throw ProblemException.badRequest("the request needs a JSON object body");
        }
        String mediaType = request.headers()
                .contentType()
                .map(contentType -> contentType.mediaType().text())
                .orElse("");
        if (!mediaType.equals("application/json")
                && !(mediaType.startsWith("application/") && mediaType.endsWith("+json"))) {
            throw new ProblemException(
                    Status.UNSUPPORTED_MEDIA_TYPE_415,
                    "send the body as JSON with Content-Type: application/json"
                            + (mediaType.isEmpty() ? " (the request has no Content-Type)" : ", not " + mediaType));
        }
        byte[] body = read(request, limit);
        if (body.length == 0) {
            throw ProblemException.badRequest("the request needs a JSON object body");
        }
        T value;
        try {
            value = Json.MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest(JsonProblems.describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (value == null) {
            throw ProblemException.badRequest("the body must be a JSON object");
        }
        return value;
    }

    private static ProblemException tooLarge(long size, int limit) {
        return new ProblemException(
                Status.REQUEST_ENTITY_TOO_LARGE_413,
                "the body has " + size + " bytes or more; the most accepted here is " + limit);
    }
}
