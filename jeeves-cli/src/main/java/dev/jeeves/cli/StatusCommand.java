package dev.jeeves.cli;

import dev.jeeves.api.ServerStatus;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code jeeves status}: is the server up, its version, uptime, database and upstream circuits. */
@Command(name = "status", description = "Show whether the server is up, its version, uptime, database and circuits.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    private final CliContext context;

    StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ServerStatus status = context.api().status();
        String circuits = status.circuits().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(circuit -> circuit.getKey() + " " + circuit.getValue())
                .collect(Collectors.joining(", "));
        String text = String.join(
                "\n",
                "Jeeves " + status.version() + " at " + context.server() + ": " + status.status(),
                "Uptime:   "
                        + Duration.ofSeconds(status.uptimeSeconds())
                                .toString()
                                .substring(2)
                                .toLowerCase(Locale.ROOT),
                "Database: " + status.database().product() + " ("
                        + (status.database().reachable() ? "reachable" : "UNREACHABLE") + ")",
                "Circuits: " + circuits,
                status.slackReplies() == null
                        ? "Replies:  unknown (the server does not report them)"
                        : "Replies:  " + status.slackReplies().pending() + " pending, "
                                + status.slackReplies().failed() + " failed");
        context.print(status, text);
        return 0;
    }
}
