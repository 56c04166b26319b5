package dev.jeeves.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** Prints a result as JSON ({@code -o json}) or as the given text. */
final class Output {
    private Output() {}

    static PrintWriter out(JeevesCli cli) {
        return cli.spec().commandLine().getOut();
    }

    static void print(JeevesCli cli, JsonNode json, String text) {
        PrintWriter out = out(cli);
        if (cli.global.json()) {
            try {
                out.println(JeevesApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.println(text);
        }
    }
}
