package dev.jeeves.server;

import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Keeps JUL logging alive until Jeeves has stopped (see {@link ShutdownAwareLogManager}). A separate class on
 * purpose: touching the manager class itself would initialize {@link LogManager} before the property is set.
 */
public final class ShutdownLogging {
    private ShutdownLogging() {}

    /** Call first thing in {@code main}, before anything logs. */
    public static void install() {
        System.setProperty("java.util.logging.manager", "dev.jeeves.server.ShutdownAwareLogManager");
    }

    /**
     * Creates the log handlers now ({@link JeevesServer#start} calls it, after logging is configured). The JDK creates them with the first log
     * record, and never once shutdown has begun, so a server that had logged nothing before SIGTERM would lose
     * the lines of its stop.
     */
    public static void openHandlers() {
        Logger.getLogger("").getHandlers();
    }

    /** Call last in the shutdown hook: flushes and closes the log handlers. */
    public static void resetAfterShutdown() {
        if (LogManager.getLogManager() instanceof ShutdownAwareLogManager manager) {
            manager.resetNow();
        }
    }
}
