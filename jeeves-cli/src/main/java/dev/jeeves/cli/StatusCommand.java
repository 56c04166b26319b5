package dev.jeeves.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code jeeves status}: is the server up, its version, uptime, database and upstream circuits. */
@Command(name = "status", description = "Show whether the server is up, its version, uptime, database and circuits.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    JeevesCli cli;

    @Override
    public Integer call() {
        JsonNode status = cli.api().status();
        StringBuilder circuits = new StringBuilder();
        status.path("circuits")
                .properties()
                .forEach(circuit -> circuits.append(circuits.isEmpty() ? "" : ", ")
                        .append(circuit.getKey())
                        .append(' ')
                        .append(circuit.getValue().asText()));
        String text = String.join(
                "\n",
                "Jeeves " + status.path("version").asText() + " at " + cli.server() + ": "
                        + status.path("status").asText(),
                "Uptime:   "
                        + Duration.ofSeconds(status.path("uptimeSeconds").asLong())
                                .toString()
                                .substring(2)
                                .toLowerCase(),
                "Database: " + status.path("database").path("product").asText() + " ("
                        + (status.path("database").path("reachable").asBoolean() ? "reachable" : "UNREACHABLE") + ")",
                "Circuits: " + circuits);
        Output.print(cli, status, text);
        return 0;
    }
}
