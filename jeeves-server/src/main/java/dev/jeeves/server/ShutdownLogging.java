package dev.jeeves.server;

import java.util.logging.LogManager;

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

    /** Call last in the shutdown hook: flushes and closes the log handlers. */
    public static void resetAfterShutdown() {
        if (LogManager.getLogManager() instanceof ShutdownAwareLogManager manager) {
            manager.resetNow();
        }
    }
}
