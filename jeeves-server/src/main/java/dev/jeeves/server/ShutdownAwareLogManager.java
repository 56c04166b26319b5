package dev.jeeves.server;

import java.util.logging.LogManager;

/**
 * A JUL {@link LogManager} that keeps logging through JVM shutdown. The JDK's own manager resets (closes every
 * handler) in a shutdown hook of its own, which runs alongside Jeeves' hook: the lines that matter most on
 * SIGTERM, a reply that could not be sent while draining, would vanish. This one ignores that reset while the
 * JVM is shutting down; {@link ShutdownLogging#resetAfterShutdown()} does it once Jeeves has stopped.
 *
 * <p>Installed by {@link ShutdownLogging#install()} before anything logs.
 */
public final class ShutdownAwareLogManager extends LogManager {
    /** Creates the manager; the JDK calls this when it reads {@code java.util.logging.manager}. */
    public ShutdownAwareLogManager() {}

    @Override
    public void reset() {
        if (!shuttingDown()) {
            super.reset();
        }
    }

    /** The reset the JDK would have done at shutdown: flush and close every handler. */
    void resetNow() {
        super.reset();
    }

    /** The JVM refuses new shutdown hooks once shutdown has begun: the one portable way to ask. */
    private static boolean shuttingDown() {
        try {
            Thread probe = new Thread(() -> {});
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
