package dev.jeeves.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every command takes: where the server is, how to print, how much to say. */
public final class GlobalOptions {
    /** The server commands talk to when neither {@code --server} nor {@code JEEVES_SERVER} names one. */
    static final URI DEFAULT_SERVER = URI.create("http://127.0.0.1:8080");

    /** How data is printed. */
    public enum Output {
        text,
        json
    }

    @Option(
            names = "--server",
            scope = ScopeType.INHERIT,
            paramLabel = "URL",
            description = "The Jeeves server to talk to (default: env JEEVES_SERVER, else http://127.0.0.1:8080).")
    URI server;

    @Option(
            names = {"-o", "--output"},
            scope = ScopeType.INHERIT,
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "How to print data: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Output output;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Show stack traces and what is sent where.")
    boolean verbose;

    @Option(
            names = "--data-dir",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "The local server's data directory, where its credentials are (default: env"
                    + " JEEVES_DATA_DIR, else ~/.jeeves).")
    Path dataDir;

    /** The server: the option, else {@code JEEVES_SERVER}, else {@code http://127.0.0.1:8080}. */
    URI server(Map<String, String> environment) {
        if (server != null) {
            return server;
        }
        String fromEnvironment = environment.get("JEEVES_SERVER");
        return fromEnvironment != null ? URI.create(fromEnvironment) : DEFAULT_SERVER;
    }

    /** The data directory: the option, else {@code JEEVES_DATA_DIR}, else {@code ~/.jeeves}. */
    Path dataDir(Map<String, String> environment) {
        if (dataDir != null) {
            return dataDir;
        }
        String fromEnvironment = environment.get("JEEVES_DATA_DIR");
        return fromEnvironment != null ? Path.of(fromEnvironment) : defaultDataDir();
    }

    /** {@code ~/.jeeves}: where a server keeps its data when nothing else is said. */
    static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".jeeves");
    }

    /** True when data should be printed as JSON. */
    public boolean json() {
        return output == Output.json;
    }
}
