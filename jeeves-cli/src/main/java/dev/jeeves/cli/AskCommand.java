package dev.jeeves.cli;

import dev.jeeves.api.MessageReply;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jeeves ask weather in Paris}: sends a message to Jeeves and prints the reply. */
@Command(
        name = "ask",
        description = "Send Jeeves a message and print the reply.",
        footer = {"%nExamples:", "  jeeves ask help", "  jeeves ask --as U123 weather in Paris"})
final class AskCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    private final CliContext context;

    @Option(
            names = "--as",
            paramLabel = "USER",
            defaultValue = "cli-user",
            description = "Who is asking: a user id (default: ${DEFAULT-VALUE}).")
    String user;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The message, e.g. weather in Paris.")
    List<String> words;

    AskCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MessageReply reply = context.api().ask(user, String.join(" ", words));
        context.print(reply, reply.reply());
        return 0;
    }
}
