package dev.jeeves.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jeeves.server.Json;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/** Reads request bodies with a size limit, and JSON with errors a client can act on. */
public final class RequestBodies {
    /** The limit for API request bodies. */
    public static final int API_LIMIT = 64 * 1024;

    private RequestBodies() {}

    /**
     * Reads the whole body, refusing it with 413 once it passes {@code limit} bytes (declared or actual).
     */
    public static byte[] read(ServerRequest request, int limit) {
        var declared = request.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > limit) {
            throw tooLarge(declared.getAsLong(), limit);
        }
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw tooLarge(body.length, limit);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the body as a JSON object; it must be declared as JSON ({@code application/json} or {@code +json}). */
    public static JsonNode readJsonObject(ServerRequest request, int limit) {
        if (!request.content().hasEntity()) {
            throw ProblemException.badRequest("the request needs a JSON object body");
        }
        String type = request.headers()
                .contentType()
                .map(contentType -> contentType.mediaType().text())
                .orElse("");
        if (!type.equals("application/json") && !(type.startsWith("application/") && type.endsWith("+json"))) {
            throw new ProblemException(
                    Status.UNSUPPORTED_MEDIA_TYPE_415,
                    "send the body as JSON with Content-Type: application/json"
                            + (type.isEmpty() ? " (the request has no Content-Type)" : ", not " + type));
        }
        byte[] body = read(request, limit);
        if (body.length == 0) {
            throw ProblemException.badRequest("the request needs a JSON object body");
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest(malformed(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (json == null || !json.isObject()) {
            throw ProblemException.badRequest("the body must be a JSON object");
        }
        return json;
    }

    /**
     * Refuses a field the body should not have, rather than ignoring it: a misspelt field would otherwise be
     * silently lost.
     *
     * @param thing what the body describes, for the message ("a user")
     * @param fields the fields it may have, in the order the message lists them
     */
    public static void onlyFields(JsonNode json, String thing, List<String> fields) {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw ProblemException.badRequest(
                        "unknown field \"" + name + "\"; " + thing + " has " + quotedList(fields));
            }
        }
    }

    /** The names quoted, for people: {@code "a"}, {@code "a" and "b"}, {@code "a", "b" and "c"}. */
    static String quotedList(List<String> names) {
        String quoted = names.stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(", "));
        int last = quoted.lastIndexOf(", ");
        return last < 0 ? quoted : quoted.substring(0, last) + " and " + quoted.substring(last + 2);
    }

    /** A required string field, non-blank, at most {@code maxLength} characters. */
    public static String requiredText(JsonNode json, String field, int maxLength) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw ProblemException.badRequest("field \"" + field + "\" is required");
        }
        return text(value, field, maxLength);
    }

    /** A string field's value: must be a string of at most {@code maxLength} characters. */
    public static String text(JsonNode value, String field, int maxLength) {
        if (!value.isTextual()) {
            throw ProblemException.badRequest("field \"" + field + "\" must be a string, not "
                    + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        String text = value.asText();
        if (text.isBlank()) {
            throw ProblemException.badRequest("field \"" + field + "\" must not be blank");
        }
        if (text.length() > maxLength) {
            throw ProblemException.badRequest(
                    "field \"" + field + "\" has " + text.length() + " characters; the most is " + maxLength);
        }
        return text;
    }

    /** Jackson's message without its internals: {@code malformed JSON at line 1, column 13: Unexpected end-of-input}. */
    public static String malformed(JsonProcessingException e) {
        String reason = e.getOriginalMessage().split("[\\n(]", 2)[0].strip();
        var location = e.getLocation();
        return location == null
                ? "malformed JSON: " + reason
                : "malformed JSON at line " + location.getLineNr() + ", column " + location.getColumnNr() + ": "
                        + reason;
    }

    private static ProblemException tooLarge(long size, int limit) {
        return new ProblemException(
                Status.REQUEST_ENTITY_TOO_LARGE_413,
                "the body has " + size + " bytes or more; the most accepted here is " + limit);
    }
}
