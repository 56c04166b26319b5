package dev.jeeves.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jeeves.server.Secret;
import dev.jeeves.server.slack.SlackSignatureVerifier;
import dev.jeeves.stubs.SandboxStubs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jeeves slack send}: exercises the real Slack path without Slack. */
@Command(
        name = "slack",
        description = "Talk to Jeeves the way Slack does.",
        subcommands = {SlackCommand.Send.class})
final class SlackCommand {
    @ParentCommand
    JeevesCli cli;

    @Command(
            name = "send",
            description = {
                "Build a genuine Slack event_callback (a direct message, or a mention with --channel), sign it with the"
                        + " signing secret as Slack does, and post it to /slack/events. The reply goes to Slack's"
                        + " chat.postMessage (in the sandbox: the stub)."
            },
            footer = {
                "%nExamples:",
                "  jeeves slack send help",
                "  jeeves slack send --as U1 --channel C1 weather in Tokyo"
            })
    static final class Send implements Callable<Integer> {
        @ParentCommand
        SlackCommand slack;

        @Option(
                names = "--as",
                paramLabel = "USER",
                defaultValue = "U0CLIUSER",
                description = "The Slack user id sending it (default: ${DEFAULT-VALUE}).")
        String user;

        @Option(
                names = "--channel",
                paramLabel = "CHANNEL",
                description = "Mention Jeeves in this channel instead of sending a direct message.")
        String channel;

        @Option(
                names = "--signing-secret",
                paramLabel = "SECRET",
                defaultValue = "${env:JEEVES_SLACK_SIGNING_SECRET:-" + SandboxStubs.SIGNING_SECRET + "}",
                description =
                        "The Slack app's signing secret (env JEEVES_SLACK_SIGNING_SECRET; default: the sandbox's).",
                showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
        String signingSecret;

        @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The message.")
        List<String> words;

        @Override
        public Integer call() {
            String eventId = "Ev"
                    + UUID.randomUUID()
                            .toString()
                            .replace("-", "")
                            .substring(0, 12)
                            .toUpperCase();
            String text = String.join(" ", words);
            String body = channel == null
                    ? event(eventId, "message", "im", "D" + user, text)
                    : event(eventId, "app_mention", "channel", channel, "<@U0JEEVES> " + text);
            String timestamp = Long.toString(slack.cli.clock.instant().getEpochSecond());
            String signature = "v0="
                    + new SlackSignatureVerifier(Secret.of(signingSecret), slack.cli.clock)
                            .sign(timestamp, body.getBytes(StandardCharsets.UTF_8));
            int status = slack.cli.api().postSlackEvent(body, timestamp, signature);
            Output.print(
                    slack.cli,
                    JeevesApi.JSON.createObjectNode().put("eventId", eventId).put("status", status),
                    "Sent event " + eventId + " (HTTP " + status + "); Jeeves answers through chat.postMessage.");
            return 0;
        }

        /** The envelope and event as Slack's Events API documents them. */
        private String event(String eventId, String type, String channelType, String channelId, String text) {
            long now = slack.cli.clock.instant().getEpochSecond();
            ObjectNode root = JeevesApi.JSON
                    .createObjectNode()
                    .put("token", "jeeves-cli")
                    .put("team_id", "T0JEEVESCLI")
                    .put("api_app_id", "A0JEEVES")
                    .put("type", "event_callback")
                    .put("event_id", eventId)
                    .put("event_time", now);
            root.putObject("event")
                    .put("type", type)
                    .put("channel_type", channelType)
                    .put("channel", channelId)
                    .put("user", user)
                    .put("text", text)
                    .put("ts", now + ".000100");
            return root.toString();
        }
    }
}
