package dev.jeeves.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jeeves ask weather in Paris}: sends a message to Jeeves and prints the reply. */
@Command(
        name = "ask",
        description = "Send Jeeves a message and print the reply.",
        footer = {"%nExamples:", "  jeeves ask help", "  jeeves ask --as U123 weather in Paris"})
final class AskCommand implements Callable<Integer> {
    @ParentCommand
    JeevesCli cli;

    @Option(
            names = "--as",
            paramLabel = "USER",
            defaultValue = "cli-user",
            description = "Who is asking: a user id (default: ${DEFAULT-VALUE}).")
    String user;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The message, e.g. weather in Paris.")
    List<String> words;

    @Override
    public Integer call() {
        JsonNode reply = cli.api().ask(user, String.join(" ", words));
        Output.print(cli, reply, reply.path("reply").asText());
        return 0;
    }
}
