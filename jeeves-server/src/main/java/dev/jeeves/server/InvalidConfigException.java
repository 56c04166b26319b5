package dev.jeeves.server;

/** Configuration that cannot work: start-up stops with this one-line message, naming the variable to fix. */
public final class InvalidConfigException extends RuntimeException {
    /** Creates the exception with the line shown to the user. */
    public InvalidConfigException(String message) {
        super(message);
    }
}
