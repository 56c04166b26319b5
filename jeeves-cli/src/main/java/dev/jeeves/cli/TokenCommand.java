package dev.jeeves.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code jeeves token}: a fresh access token, for curl users. */
@Command(
        name = "token",
        description = "Print a fresh access token for the API.",
        footer = {"%nExample:", "  curl -H \"Authorization: Bearer $(jeeves token)\" localhost:8080/api/users"})
final class TokenCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    private final CliContext context;

    TokenCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String token = context.api().freshToken();
        context.print(Map.of("access_token", token), token);
        return 0;
    }
}
