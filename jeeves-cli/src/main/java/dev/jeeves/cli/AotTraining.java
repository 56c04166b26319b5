package dev.jeeves.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * The training run behind the JDK's AOT cache ({@code target/jeeves.aot}, made at package time on JDK 25+):
 * runs the commands' start-up paths in one JVM so their classes are loaded, linked and profiled ahead of time.
 * It needs no server: {@code ask} against a closed port still walks the parser, the token source, the HTTP client,
 * Jackson and the error path.
 */
final class AotTraining {
    private AotTraining() {}

    public static void main(String[] args) {
        Map<String, String> offline = Map.of(
                "JEEVES_SERVER", "http://127.0.0.1:9",
                "JEEVES_CLIENT_ID", "training",
                "JEEVES_CLIENT_SECRET", "training",
                "JEEVES_DATA_DIR", System.getProperty("java.io.tmpdir"));
        String[][] commandLines = {
            {"--version"},
            {"--help"},
            {"help", "ask"},
            {"ask", "weather", "in", "Paris"},
            {"-o", "json", "users", "list"},
            {"actions"},
            {"status"},
            {"token"},
            {"slack", "send", "help"},
            {"ask", "--bogus"}
        };
        for (String[] commandLine : commandLines) {
            JeevesCli.run(
                    new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), offline, commandLine);
        }
    }
}
