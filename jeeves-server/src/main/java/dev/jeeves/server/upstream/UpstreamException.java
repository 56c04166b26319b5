package dev.jeeves.server.upstream;

/**
 * A third-party API (Open-Meteo, Slack) could not give an answer. Users see a one-line apology; the log gets
 * this message.
 */
public class UpstreamException extends RuntimeException {
    /** Creates the exception. */
    public UpstreamException(String message) {
        super(message);
    }

    /** Creates the exception with its cause. */
    public UpstreamException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure worth retrying: a 5xx, a timeout, a dropped connection. */
    public static final class Transient extends UpstreamException {
        /** Creates the exception. */
        public Transient(String message) {
            super(message);
        }

        /** Creates the exception with its cause. */
        public Transient(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
