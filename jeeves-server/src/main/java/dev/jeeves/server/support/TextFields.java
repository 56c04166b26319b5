package dev.jeeves.server.support;

import java.util.List;

/**
 * The checks a text field of a request gets, with the 400 that names the field: present, not blank, not too long.
 *
 * <pre>{@code
 * String text = TextFields.required("text", message.text(), ApiLimits.MAX_TEXT_LENGTH);
 * }</pre>
 */
public final class TextFields {
    private TextFields() {}

    /** A required string field, non-blank, at most {@code maxLength} characters. */
    public static String required(String field, String value, int maxLength) {
        if (value == null) {
            throw ProblemException.badRequest("field \"" + field + "\" is required");
        }
        return checked(field, value, maxLength);
    }

    /** A string field that was given: non-blank, at most {@code maxLength} characters. */
    public static String checked(String field, String value, int maxLength) {
        if (value.isBlank()) {
            throw ProblemException.badRequest("field \"" + field + "\" must not be blank");
        }
        if (value.length() > maxLength) {
            throw ProblemException.badRequest(
                    "field \"" + field + "\" has " + value.length() + " characters; the most is " + maxLength);
        }
        return value;
    }

    /** The names quoted, for people: {@code "a"}, {@code "a" and "b"}, {@code "a", "b" and "c"}. */
    public static String quotedList(List<String> names) {
        List<String> quoted = names.stream().map(name -> "\"" + name + "\"").toList();
        return quoted.size() < 2
                ? String.join("", quoted)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.getLast();
    }
}
