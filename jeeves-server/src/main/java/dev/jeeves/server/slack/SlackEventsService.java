package dev.jeeves.server.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jeeves.server.Json;
import dev.jeeves.server.http.ProblemException;
import dev.jeeves.server.http.Problems;
import dev.jeeves.server.http.RequestBodies;
import dev.jeeves.server.storage.ProcessedEvents;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /slack/events}: Slack's Events API. Verify the signature on the raw body, record the event id
 * (a retry of an accepted event is dropped, also while the first attempt still runs and after a restart),
 * answer 200 at once, and let the {@link SlackEventProcessor} do the work.
 *
 * <pre>{@code
 * jeeves slack send "weather in Paris"   # signs and posts a genuine event_callback
 * }</pre>
 */
public final class SlackEventsService implements HttpService {
    /** Slack's bodies are small; anything larger is refused with 413. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private static final HeaderName TIMESTAMP = HeaderNames.create("X-Slack-Request-Timestamp");
    private static final HeaderName SIGNATURE = HeaderNames.create("X-Slack-Signature");
    private static final Pattern LEADING_MENTION = Pattern.compile("^\\s*<@[A-Z0-9]+(\\|[^>]*)?>[\\s:,]*");

    private final Optional<SlackSignatureVerifier> verifier;
    private final ProcessedEvents processedEvents;
    private final SlackEventProcessor processor;
    private final MeterRegistry meters;

    /**
     * Creates the service.
     *
     * @param verifier checks signatures; empty when no signing secret is configured (every event gets 503)
     */
    public SlackEventsService(
            Optional<SlackSignatureVerifier> verifier,
            ProcessedEvents processedEvents,
            SlackEventProcessor processor,
            MeterRegistry meters) {
        this.verifier = verifier;
        this.processedEvents = processedEvents;
        this.processor = processor;
        this.meters = meters;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::receive).any("/", Problems.onlyMethods("POST"));
    }

    private void receive(ServerRequest req, ServerResponse res) {
        SlackSignatureVerifier signatures = verifier.orElseThrow(() -> new ProblemException(
                Status.SERVICE_UNAVAILABLE_503,
                "Slack events are disabled: set JEEVES_SLACK_SIGNING_SECRET to your Slack app's signing secret"));
        byte[] body = RequestBodies.read(req, MAX_BODY_BYTES);
        signatures
                .check(
                        req.headers().first(TIMESTAMP).orElse(null),
                        req.headers().first(SIGNATURE).orElse(null),
                        body)
                .ifPresent(reason -> {
                    throw new ProblemException(
                            Status.UNAUTHORIZED_401,
                            "not a genuine Slack request: " + reason,
                            Map.of("WWW-Authenticate", "Slack-Signature"));
                });
        JsonNode payload = parse(body);
        switch (payload.path("type").asText("")) {
            case "url_verification" -> challenge(payload, res);
            case "event_callback" -> event(payload, res);
            default -> ignored(res, "unsupported_type");
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode payload = Json.MAPPER.readTree(body);
            if (payload != null && payload.isObject()) {
                return payload;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemException.badRequest(RequestBodies.malformed(e));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw ProblemException.badRequest("the body must be a JSON object");
    }

    private static void challenge(JsonNode payload, ServerResponse res) {
        JsonNode challenge = payload.get("challenge");
        if (challenge == null || !challenge.isTextual()) {
            throw ProblemException.badRequest("url_verification needs a string \"challenge\"");
        }
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(Json.MAPPER
                .createObjectNode()
                .put("challenge", challenge.asText())
                .toString());
    }

    private void event(JsonNode payload, ServerResponse res) {
        String eventId = payload.path("event_id").asText("");
        JsonNode event = payload.get("event");
        if (eventId.isEmpty() || event == null || !event.isObject()) {
            throw ProblemException.badRequest("event_callback needs an \"event_id\" and an \"event\" object");
        }
        Optional<SlackMessage> message = message(eventId, event);
        if (message.isEmpty()) {
            ignored(res, "not_for_jeeves");
            return;
        }
        if (!processedEvents.claim(eventId)) {
            count("jeeves.slack.events.duplicates", "Slack events dropped because their event_id was seen before");
            res.status(Status.OK_200).send();
            return;
        }
        if (!processor.submit(message.get())) {
            processedEvents.release(eventId);
            throw new ProblemException(Status.SERVICE_UNAVAILABLE_503, "Jeeves is stopping; Slack will retry");
        }
        count("jeeves.slack.events.accepted", "Slack events accepted for an answer");
        res.status(Status.OK_200).send();
    }

    /**
     * The message to answer, or empty for events Jeeves must not answer: anything from a bot (or the bot
     * talks to itself forever), edits and deletions and other subtypes, and channel messages that do not
     * mention it.
     */
    static Optional<SlackMessage> message(String eventId, JsonNode event) {
        String type = event.path("type").asText("");
        boolean directMessage =
                "message".equals(type) && "im".equals(event.path("channel_type").asText(""));
        boolean mention = "app_mention".equals(type);
        if (!(directMessage || mention) || event.hasNonNull("bot_id") || event.hasNonNull("subtype")) {
            return Optional.empty();
        }
        String user = event.path("user").asText("");
        String channel = event.path("channel").asText("");
        if (user.isEmpty() || channel.isEmpty()) {
            return Optional.empty();
        }
        String text = LEADING_MENTION
                .matcher(event.path("text").asText(""))
                .replaceFirst("")
                .strip();
        Optional<String> thread = directMessage
                ? Optional.empty()
                : Optional.of(event.path("thread_ts").asText(event.path("ts").asText("")))
                        .filter(ts -> !ts.isEmpty());
        return Optional.of(new SlackMessage(eventId, user, channel, text, thread));
    }

    private void ignored(ServerResponse res, String reason) {
        meters.getOrCreate(Counter.builder("jeeves.slack.events.ignored")
                        .description("Slack events not answered (bots, edits, other types)")
                        .tags(List.of(Tag.create("reason", reason))))
                .increment();
        res.status(Status.OK_200).send();
    }

    private void count(String name, String description) {
        meters.getOrCreate(Counter.builder(name).description(description)).increment();
    }
}
