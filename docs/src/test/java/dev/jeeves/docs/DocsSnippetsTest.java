package dev.jeeves.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jeeves.cli.JeevesCli;
import dev.jeeves.server.JeevesConfig;
import dev.jeeves.server.JeevesServer;
import dev.jeeves.stubs.SandboxStubs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes the command output the docs show, by running the real CLI against a real sandboxed server during the
 * build: the docs never show output typed by hand, so they cannot drift from what the commands print.
 */
@Tag("docs")
class DocsSnippetsTest {
    private static SandboxStubs stubs;
    private static JeevesServer server;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void startSandbox() {
        stubs = SandboxStubs.start();
        Map<String, String> environment = new HashMap<>(stubs.environment());
        environment.put("JEEVES_PORT", "0");
        environment.put("JEEVES_DATA_DIR", dataDir.toString());
        server = JeevesServer.start(
                JeevesConfig.load(environment),
                java.time.Clock.systemUTC(),
                io.helidon.metrics.api.MeterRegistry.create());
    }

    @AfterAll
    static void stopSandbox() {
        server.close();
        stubs.close();
    }

    @Test
    void theMainHelp() throws IOException {
        assertThat(writeOutput("cli-help.txt", "--help"))
                .contains("Usage: jeeves")
                .contains("Exit codes");
    }

    @Test
    void askingForTheWeather() throws IOException {
        assertThat(writeOutput("ask-weather.txt", "ask", "weather", "in", "Paris"))
                .startsWith("Paris, France: ");
    }

    @Test
    void theActions() throws IOException {
        assertThat(writeOutput("actions.txt", "actions")).contains("weather").contains("alerts");
    }

    @Test
    void theConfigurationTable() throws IOException {
        String table = Reference.configurationTable();
        Snippets.write("configuration.adoc", table);
        assertThat(table).contains("`JEEVES_PORT`", "`8080`");
    }

    @Test
    void theEndpointTable() throws IOException {
        String table = Reference.endpointTable(Snippets.openapi());
        Snippets.write("endpoints.adoc", table);
        assertThat(table).contains("`/api/messages`");
    }

    @Test
    void theCommandTable() throws IOException {
        String table = Reference.commandTable();
        Snippets.write("commands.adoc", table);
        assertThat(table).contains("jeeves users list");
        assertThat(table)
                .as("every row says what its command does, in words")
                .contains("| `jeeves help` | Display help information about the specified command.")
                .doesNotContain("%n");
    }

    /** Runs {@code jeeves} against the sandboxed server and writes what it printed. */
    private static String writeOutput(String name, String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] full = new String[args.length + 4];
        full[0] = "--server=" + server.uri();
        full[1] = "--data-dir=" + dataDir;
        full[2] = "--output=text";
        full[3] = "--verbose";
        System.arraycopy(args, 0, full, 4, args.length);
        int exit = JeevesCli.run(new PrintWriter(out, true), new PrintWriter(err, true), full);
        assertThat(exit).as("jeeves %s: %s", String.join(" ", args), err).isZero();
        String output = out.toString().stripTrailing() + "\n";
        Snippets.write(name, output);
        return output;
    }
}
