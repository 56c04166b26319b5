package dev.jeeves.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jeeves.api.Json;
import dev.jeeves.api.Secret;
import dev.jeeves.api.embedded.StubUpstreams;
import dev.jeeves.api.slack.SlackSignature;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jeeves slack send}: exercises the real Slack path without Slack. */
@Command(
        name = "slack",
        description = "Talk to Jeeves the way Slack does.",
        subcommands = {SlackCommand.Send.class})
final class SlackCommand {
    @Mixin
    HelpOption help;

    @Command(
            name = "send",
            description = {
                "Build a genuine Slack event_callback (a direct message, or a mention with --channel), sign it with the"
                        + " signing secret as Slack does, and post it to /slack/events. The reply goes to Slack's"
                        + " chat.postMessage; in the sandbox, this command waits for the stub Slack to receive it and"
                        + " prints it (exit code 1 when none comes in time)."
            },
            footer = {
                "%nExamples:",
                "  jeeves slack send help",
                "  jeeves slack send --as U1 --channel C1 weather in Tokyo"
            })
    static final class Send implements Callable<Integer> {
        @Mixin
        HelpOption help;

        private final CliContext context;

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
                defaultValue = "${env:JEEVES_SLACK_SIGNING_SECRET:-" + StubUpstreams.SANDBOX_SIGNING_SECRET + "}",
                description =
                        "The Slack app's signing secret (env JEEVES_SLACK_SIGNING_SECRET; default: the sandbox's).",
                showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
        String signingSecret;

        @Option(
                names = "--wait",
                paramLabel = "SECONDS",
                defaultValue = "10",
                description = "In the sandbox, how long to wait for the reply (default: ${DEFAULT-VALUE}).")
        int waitSeconds;

        @Option(names = "--no-wait", description = "Do not wait for the reply, even in the sandbox.")
        boolean noWait;

        @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The message.")
        List<String> words;

        Send(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            String eventId = "Ev"
                    + UUID.randomUUID()
                            .toString()
                            .replace("-", "")
                            .substring(0, 12)
                            .toUpperCase(Locale.ROOT);
            String text = String.join(" ", words);
            Instant sentAt = context.clock.instant();
            // A timestamp of its own, as Slack gives each message: a mention's reply goes to its thread.
            String ts = sentAt.getEpochSecond() + "." + String.format(Locale.ROOT, "%06d", sentAt.getNano() / 1000);
            String replyChannel = channel == null ? "D" + user : channel;
            String body = channel == null
                    ? event(eventId, "message", "im", replyChannel, text, ts)
                    : event(eventId, "app_mention", "channel", replyChannel, "<@U0JEEVES> " + text, ts);
            SlackSignature.Headers signed = new SlackSignature(Secret.of(signingSecret), context.clock)
                    .sign(body.getBytes(StandardCharsets.UTF_8));
            int status = context.api().postSlackEvent(body, signed.timestamp(), signed.signature());
            String sent = "Sent event " + eventId + " (HTTP " + status + ")";
            Optional<URI> journal =
                    noWait ? Optional.empty() : SandboxFile.slackJournal(context.dataDir(), context.server());
            if (journal.isEmpty()) {
                context.print(new Sent(eventId, status, null), sent + "; Jeeves answers through chat.postMessage.");
                return 0;
            }
            Duration wait = Duration.ofSeconds(waitSeconds);
            String reply = new StubSlackJournal(journal.get())
                    .reply(replyChannel, Optional.ofNullable(channel == null ? null : ts), sentAt, wait)
                    .orElseThrow(() -> new CliException(
                            CliException.FAILURE,
                            sent + ", but no reply reached the stub Slack within " + waitSeconds
                                    + " s: the server's log says why"));
            context.print(new Sent(eventId, status, reply), sent + ". Jeeves replied:\n" + reply);
            return 0;
        }

        /** The envelope and event as Slack's Events API documents them. */
        private String event(
                String eventId, String type, String channelType, String channelId, String text, String ts) {
            long now = context.clock.instant().getEpochSecond();
            ObjectNode root = Json.MAPPER
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
                    .put("ts", ts);
            return root.toString();
        }
    }

    /**
     * What was sent, for {@code -o json}.
     *
     * @param eventId the event's id, as Slack would give it
     * @param status the HTTP status Jeeves answered
     * @param reply what Jeeves replied, as the sandbox's stub Slack received it; null outside the sandbox
     */
    record Sent(String eventId, int status, String reply) {}
}
