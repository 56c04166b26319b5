package dev.jeeves.api;

/**
 * Every error the API answers: RFC 9457 problem details, sent as {@link #MEDIA_TYPE}.
 *
 * <pre>{@code
 * {"type":"about:blank","title":"Bad Request","status":400,"detail":"field \"text\" is required","instance":"/api/messages"}
 * }</pre>
 *
 * @param type always {@code about:blank}: the status says what kind of problem it is
 * @param title the status's reason phrase
 * @param status the HTTP status
 * @param detail what exactly was wrong, for the caller to act on
 * @param instance the path that was asked for
 */
public record Problem(String type, String title, int status, String detail, String instance) {
    /** The media type of every error body. */
    public static final String MEDIA_TYPE = "application/problem+json";
}
