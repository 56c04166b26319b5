package dev.jeeves.api.embedded;

import java.net.URI;
import java.util.Map;

/**
 * A Jeeves server that runs inside another program: how {@code jeeves serve} starts one without compiling against
 * the server. The server module implements it and registers it as a {@link java.util.ServiceLoader} service; the
 * CLI finds it only when the server's jars are on the class path (the launcher adds them for {@code serve}).
 *
 * <pre>{@code
 * EmbeddedServer server = ServiceLoader.load(EmbeddedServer.class).findFirst().orElseThrow();
 * server.configureLogging();
 * try (EmbeddedServer.Running jeeves = server.start(Map.of("JEEVES_PORT", "0"))) {
 *     System.out.println(jeeves.uri());
 * }
 * }</pre>
 */
public interface EmbeddedServer {
    /**
     * Sets logging up as the server wants it (its log lines, and the lines of its stop after SIGTERM). Call it
     * before anything in the process logs: the JDK's log manager is chosen once, by the first logger.
     */
    void configureLogging();

    /**
     * Starts a server, configured as {@code java -jar jeeves-server.jar} is, from {@code JEEVES_*} settings.
     *
     * @throws InvalidSettings when a setting cannot work (exit code 2, as for {@code java -jar})
     * @throws RuntimeException when it cannot start otherwise; the message says why in one line
     */
    Running start(Map<String, String> environment);

    /**
     * A setting that cannot work: a value that does not parse, or a database that refuses what it was given. The
     * operator's to fix, so the exit code is 2, whichever way the server was started.
     */
    final class InvalidSettings extends RuntimeException {
        /** Wraps the server's own failure; the message is its one line. */
        public InvalidSettings(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A started server. */
    interface Running extends AutoCloseable {
        /** Its base URL, e.g. {@code http://127.0.0.1:8080}. */
        URI uri();

        /** Stops it in order: requests, pending work, the database. */
        @Override
        void close();
    }
}
