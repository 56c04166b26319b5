package dev.jeeves.server.support;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What was wrong with a JSON body, in words a client can act on, from what Jackson refused: {@code unknown field
 * "txt"; a message has "user" and "text"}, {@code field "user" must be a string, not number}, {@code malformed JSON
 * at line 1, column 13: Unexpected end-of-input}. No Jackson internals (class names, source excerpts) leak out.
 */
public final class JsonProblems {
    private static final Pattern SHAPE = Pattern.compile("(?:from|coerce) (\\w+) value");

    private JsonProblems() {}

    /** The detail for a body Jackson could not read. */
    public static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            Class<?> type = unknown.getReferringClass();
            JsonClassDescription description = type.getAnnotation(JsonClassDescription.class);
            String thing = description == null ? "the body" : description.value();
            return "unknown field \"" + unknown.getPropertyName() + "\"; " + thing + " has "
                    + TextFields.quotedList(fieldsOf(type));
        }
        if (e instanceof MismatchedInputException mismatch) {
            List<JsonMappingException.Reference> path = mismatch.getPath();
            if (path.isEmpty() || path.get(0).getFieldName() == null) {
                return mismatch.getMessage().startsWith("Trailing token")
                        ? "malformed JSON: more after the object ends"
                        : "the body must be a JSON object";
            }
            String field = path.get(0).getFieldName();
            return "field \"" + field + "\" must be " + expected(mismatch.getTargetType()) + ", not " + found(mismatch);
        }
        if (e instanceof JsonMappingException) {
            return "the body does not fit: "
                    + e.getOriginalMessage().split("[\\n(]", 2)[0].strip();
        }
        return malformed(e);
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

    private static List<String> fieldsOf(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        return components == null
                ? List.of()
                : Arrays.stream(components).map(RecordComponent::getName).toList();
    }

    private static String expected(Class<?> type) {
        if (type == null || type == String.class || type == java.util.Optional.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "an object";
    }

    private static String found(MismatchedInputException e) {
        if (e instanceof InvalidFormatException coerced) {
            // A scalar that Jackson was told not to coerce (42 for a string): the value is known, the parser moved on.
            Object value = coerced.getValue();
            return value instanceof Number ? "number" : value instanceof Boolean ? "boolean" : "string";
        }
        JsonToken token = e.getProcessor() instanceof JsonParser parser ? parser.currentToken() : null;
        if (token == null) {
            // The parser is gone by now; Jackson names the shape it found: "... from Array value (token ...", or
            // "Cannot coerce String value ..." for a string where a number goes.
            Matcher shape = SHAPE.matcher(e.getOriginalMessage());
            return !shape.find()
                    ? "another type"
                    : switch (shape.group(1)) {
                        case "Integer", "Float" -> "number";
                        case "Array" -> "array";
                        case "Object" -> "object";
                        default -> shape.group(1).toLowerCase(Locale.ROOT);
                    };
        }
        return switch (token) {
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "object";
            case START_ARRAY, END_ARRAY -> "array";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> "string";
        };
    }
}
