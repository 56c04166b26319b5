package dev.jeeves.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code jeeves actions}: what Jeeves can do, with each action's usage. */
@Command(name = "actions", description = "List what Jeeves can do, with each action's usage.")
final class ActionsCommand implements Callable<Integer> {
    @ParentCommand
    JeevesCli cli;

    @Override
    public Integer call() {
        JsonNode actions = cli.api().actions();
        Table table = new Table("ACTION", "USAGE", "DESCRIPTION");
        actions.forEach(action -> table.row(
                action.path("name").asText(),
                action.path("usage").asText(),
                action.path("description").asText()));
        Output.print(cli, actions, table.render());
        return 0;
    }
}
