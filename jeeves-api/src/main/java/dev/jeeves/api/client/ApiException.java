package dev.jeeves.api.client;

/**
 * A call to Jeeves that did not succeed, with a message for people: the server's problem {@code detail}, or why
 * no answer came. The CLI turns it into one line on stderr and an exit code.
 */
public final class ApiException extends RuntimeException {
    private final int httpStatus;
    private final boolean notAuthorized;

    /** A refusal or failure the server answered with this status. */
    public ApiException(String message, int httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
        this.notAuthorized = httpStatus == 401 || httpStatus == 403;
    }

    /** No usable answer (unreachable, timed out, not JSON), or no credentials to ask with. */
    public ApiException(String message, boolean notAuthorized, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
        this.notAuthorized = notAuthorized;
    }

    /** The HTTP status the server answered, or 0 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** True when the server refused the credentials or the token (401, 403), or there were none to send. */
    public boolean notAuthorized() {
        return notAuthorized;
    }
}
