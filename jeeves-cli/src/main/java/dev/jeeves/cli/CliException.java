package dev.jeeves.cli;

/**
 * A failure to report as one line on stderr with a documented exit code: 1 at the server or the network,
 * 2 a usage error, 3 not authorized.
 */
public final class CliException extends RuntimeException {
    /** The server failed or could not be reached. */
    public static final int FAILURE = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** The server refused our credentials or token. */
    public static final int NOT_AUTHORIZED = 3;

    private final int exitCode;
    private final int httpStatus;

    /** Creates the failure. */
    public CliException(int exitCode, String message) {
        this(exitCode, message, 0);
    }

    /** Creates the failure for an HTTP answer with this status. */
    public CliException(int exitCode, String message, int httpStatus) {
        super(message);
        this.exitCode = exitCode;
        this.httpStatus = httpStatus;
    }

    /** Creates the failure with its cause (shown with {@code --verbose}). */
    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.httpStatus = 0;
    }

    /** The HTTP status the server answered, or 0 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The process exit code. */
    public int exitCode() {
        return exitCode;
    }
}
