package dev.jeeves.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code jeeves token}: a fresh access token, for curl users. */
@Command(
        name = "token",
        description = "Print a fresh access token for the API.",
        footer = {"%nExample:", "  curl -H \"Authorization: Bearer $(jeeves token)\" localhost:8080/api/users"})
final class TokenCommand implements Callable<Integer> {
    @ParentCommand
    JeevesCli cli;

    @Override
    public Integer call() {
        String token = cli.api().freshToken();
        Output.print(cli, JeevesApi.JSON.createObjectNode().put("access_token", token), token);
        return 0;
    }
}
