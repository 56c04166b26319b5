package dev.jeeves.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

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
            converter = ServerUrl.class,
            description = "The Jeeves server to talk to, an http:// or https:// URL (default: env JEEVES_SERVER, else"
                    + " http://127.0.0.1:8080).")
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
            description = "Show what is sent where (a line per request on stderr) and the stack trace of a failure.")
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
        if (fromEnvironment == null) {
            return DEFAULT_SERVER;
        }
        try {
            return new ServerUrl().convert(fromEnvironment);
        } catch (TypeConversionException e) {
            throw new CliException(CliException.USAGE, "JEEVES_SERVER: " + e.getMessage());
        }
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

    /** Reads a server URL, refusing what the CLI could not talk to, as a usage error that says what is wrong. */
    static final class ServerUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                uri = null;
            }
            if (uri == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null
                    || uri.getQuery() != null
                    || uri.getFragment() != null) {
                throw new TypeConversionException(
                        "\"" + value + "\" is not an http:// or https:// URL such as http://127.0.0.1:8080");
            }
            return uri;
        }
    }

    /** True when data should be printed as JSON. */
    public boolean json() {
        return output == Output.json;
    }
}
