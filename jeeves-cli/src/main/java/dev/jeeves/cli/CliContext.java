package dev.jeeves.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jeeves.api.Json;
import dev.jeeves.api.client.JeevesApi;
import dev.jeeves.api.client.JeevesClient;
import dev.jeeves.api.client.TokenSource;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * What every command of one run shares, handed to each by {@link CommandFactory}: the environment, the clock, where
 * to print, the global options, and the API of the server those options name. Tests build one with a fake API.
 *
 * <pre>{@code
 * CliContext context = new CliContext(Map.of(), Clock.systemUTC(), out, (server, dataDir, trace) -> fakeApi);
 * new CommandLine(JeevesCli.class, new CommandFactory(context)).execute("users", "list");
 * }</pre>
 */
final class CliContext {
    /** Opens the API of a server, once the global options say which one. */
    @FunctionalInterface
    interface ApiOpener {
        /** The API; {@code trace} takes a line per request sent ({@code --verbose}). */
        JeevesApi open(URI server, Path dataDir, Consumer<String> trace);
    }

    final Map<String, String> environment;
    final Clock clock;
    final GlobalOptions global = new GlobalOptions();
    private final PrintWriter out;
    private final ApiOpener opener;
    private PrintWriter err = new PrintWriter(Writer.nullWriter());

    CliContext(Map<String, String> environment, Clock clock, PrintWriter out, ApiOpener opener) {
        this.environment = environment;
        this.clock = clock;
        this.out = out;
        this.opener = opener;
    }

    /** The real API over HTTP, with the token source of the data directory. */
    static ApiOpener http(Map<String, String> environment, Clock clock) {
        return (server, dataDir, trace) ->
                new JeevesClient(server, new TokenSource(dataDir, environment, clock), trace);
    }

    /** The API of the server the options or the environment name. */
    JeevesApi api() {
        Consumer<String> trace = global.verbose ? line -> err.println("jeeves: " + line) : line -> {};
        return opener.open(server(), dataDir(), trace);
    }

    /** The server the options or the environment name. */
    URI server() {
        return global.server(environment);
    }

    /** The data directory the options or the environment name. */
    Path dataDir() {
        return global.dataDir(environment);
    }

    /** Where {@code --verbose} tells what is sent where: the run's stderr. */
    void err(PrintWriter err) {
        this.err = err;
    }

    /** Where output goes. */
    PrintWriter out() {
        return out;
    }

    /** Prints a result as JSON ({@code -o json}) or as the given text. */
    void print(Object data, String text) {
        if (global.json()) {
            try {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(data));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.println(text);
        }
    }

    /** A service on the class path (the server and the sandbox, for {@code serve}), if there is one. */
    <T> Optional<T> service(Class<T> type) {
        return ServiceLoader.load(type).findFirst();
    }
}
