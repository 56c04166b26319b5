package dev.jeeves.server;

import dev.jeeves.api.embedded.EmbeddedServer;
import java.util.logging.Logger;

/**
 * Starts Jeeves from the environment: {@code java -jar jeeves-server.jar}. Stops cleanly on SIGTERM or Ctrl-C.
 * Configuration errors (and a database that cannot be opened) end the process with one line on stderr and
 * exit code 2. It starts the server as {@code jeeves serve} does, through {@link ServerLauncher}.
 */
public final class Main {
    private Main() {}

    /**
     * Starts the server and waits for the JVM to be asked to stop.
     *
     * @param args none are read; configuration comes from {@code application.yaml} and the environment
     */
    public static void main(String[] args) {
        ServerLauncher launcher = new ServerLauncher();
        launcher.configureLogging();
        EmbeddedServer.Running jeeves;
        try {
            jeeves = launcher.start(System.getenv());
        } catch (EmbeddedServer.InvalidSettings e) {
            System.err.println("jeeves-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(jeeves::close, "jeeves-shutdown"));
        Logger.getLogger(Main.class.getName()).info("Jeeves is up at " + jeeves.uri());
    }
}
