package dev.jeeves.cli;

import dev.jeeves.api.client.ApiException;

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

    /**
     * The exit code for any failure of a command: its own for a {@code CliException}, 3 for credentials or a token
     * the server refused (or none to send), 1 for anything else.
     */
    static int exitCode(Exception e) {
        if (e instanceof CliException failure) {
            return failure.exitCode();
        }
        if (e instanceof ApiException api && api.notAuthorized()) {
            return NOT_AUTHORIZED;
        }
        return FAILURE;
    }

    /** The process exit code. */
    public int exitCode() {
        return exitCode;
    }
}
