package dev.jeeves.cli;

import dev.jeeves.api.ActionInfo;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code jeeves actions}: what Jeeves can do, each action's usage with its description indented below. */
@Command(name = "actions", description = "List what Jeeves can do, with each action's usage.")
final class ActionsCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    private final CliContext context;

    ActionsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<ActionInfo> actions = context.api().actions();
        // Usage and description on lines of their own: side by side they would not fit an 80-column terminal.
        StringBuilder text = new StringBuilder();
        actions.forEach(action -> text.append(action.usage())
                .append("\n    ")
                .append(action.description())
                .append('\n'));
        context.print(actions, text.toString().stripTrailing());
        return 0;
    }
}
