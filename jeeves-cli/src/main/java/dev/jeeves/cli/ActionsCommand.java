package dev.jeeves.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code jeeves actions}: what Jeeves can do, each action's usage with its description indented below. */
@Command(name = "actions", description = "List what Jeeves can do, with each action's usage.")
final class ActionsCommand implements Callable<Integer> {
    @ParentCommand
    JeevesCli cli;

    @Override
    public Integer call() {
        JsonNode actions = cli.api().actions();
        // Usage and description on lines of their own: side by side they would not fit an 80-column terminal.
        StringBuilder text = new StringBuilder();
        actions.forEach(action -> text.append(action.path("usage").asText())
                .append("\n    ")
                .append(action.path("description").asText())
                .append('\n'));
        Output.print(cli, actions, text.toString().stripTrailing());
        return 0;
    }
}
