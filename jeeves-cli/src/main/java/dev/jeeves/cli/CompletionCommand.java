package dev.jeeves.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

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
    @Mixin
    HelpOption help;

    private final CliContext context;

    @Spec
    CommandSpec spec;

    CompletionCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.out().print(AutoComplete.bash("jeeves", spec.root().commandLine()));
        return 0;
    }
}
