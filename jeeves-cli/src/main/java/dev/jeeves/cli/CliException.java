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

    /** Creates the failure. */
    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** Creates the failure with its cause (shown with {@code --verbose}). */
    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The process exit code. */
    public int exitCode() {
        return exitCode;
    }
}
