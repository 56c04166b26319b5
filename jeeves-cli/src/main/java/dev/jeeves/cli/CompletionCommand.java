package dev.jeeves.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code jeeves completion}: the shell completion script (bash, and zsh through bashcompinit). */
@Command(
        name = "completion",
        description = "Print the completion script for bash and zsh.",
        footer = {
            "%nInstall:",
            "  bash:  source <(jeeves completion)",
            "  zsh:   autoload -U +X bashcompinit && bashcompinit && source <(jeeves completion)"
        })
final class CompletionCommand implements Callable<Integer> {
    @ParentCommand
    JeevesCli cli;

    @Override
    public Integer call() {
        Output.out(cli).print(AutoComplete.bash("jeeves", cli.spec().commandLine()));
        return 0;
    }
}
