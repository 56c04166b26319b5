package dev.jeeves.server.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jeeves.api.Json;
import dev.jeeves.server.support.JsonProblems;
import dev.jeeves.server.support.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a genuine request to {@code /slack/events} asks of Jeeves: Slack's URL check, a message to answer, or
 * something to acknowledge and leave alone (with the reason, for the {@code jeeves.slack.events.ignored} metric).
 * Slack's envelope is read as a tree, not a record: Slack adds fields freely, and only a few matter here.
 *
 * <pre>{@code
 * switch (SlackEnvelope.parse(body)) {
 *     case SlackEnvelope.UrlVerification check -> ...;  // answer check.challenge()
 *     case SlackEnvelope.Message message -> ...;         // answer message.message() in Slack
 *     case SlackEnvelope.Ignored ignored -> ...;         // 200, nothing else
 * }
 * }</pre>
 */
public sealed interface SlackEnvelope {
    /** Slack checking the request URL: answer the challenge. */
    record UrlVerification(String challenge) implements SlackEnvelope {}

    /** A message Jeeves should answer. */
    record Message(SlackMessage message) implements SlackEnvelope {}

    /** An event Jeeves must not answer, and why: {@code unsupported_type} or {@code not_for_jeeves}. */
    record Ignored(String reason) implements SlackEnvelope {}

    /** A leading {@code <@U123>} or {@code <@U123|jeeves>} mention, with the separators after it. */
    Pattern LEADING_MENTION = Pattern.compile("^\\s*<@[A-Z0-9]+(\\|[^>]*)?>[\\s:,]*");

    /**
     * Reads a request body that has passed the signature check.
     *
     * @throws ProblemException 400 when it is not JSON, or an envelope without what its type needs
     */
    static SlackEnvelope parse(byte[] body) {
        JsonNode payload;
        try {
            payload = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest(JsonProblems.malformed(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (payload == null || !payload.isObject()) {
            throw ProblemException.badRequest("the body must be a JSON object");
        }
        return switch (payload.path("type").asText("")) {
            case "url_verification" -> {
                JsonNode challenge = payload.get("challenge");
                if (challenge == null || !challenge.isTextual()) {
                    throw ProblemException.badRequest("url_verification needs a string \"challenge\"");
                }
                yield new UrlVerification(challenge.asText());
            }
            case "event_callback" -> event(payload);
            default -> new Ignored("unsupported_type");
        };
    }

    private static SlackEnvelope event(JsonNode payload) {
        String eventId = payload.path("event_id").asText("");
        JsonNode event = payload.get("event");
        if (eventId.isEmpty() || event == null || !event.isObject()) {
            throw ProblemException.badRequest("event_callback needs an \"event_id\" and an \"event\" object");
        }
        return message(eventId, event).<SlackEnvelope>map(Message::new).orElse(new Ignored("not_for_jeeves"));
    }

    /**
     * The message to answer, or empty for events Jeeves must not answer: anything from a bot (or the bot talks to
     * itself forever), edits and deletions and other subtypes, channel messages that do not mention it, and events
     * without a user or a channel.
     */
    private static Optional<SlackMessage> message(String eventId, JsonNode event) {
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
        String text = SlackText.toPlain(
                        LEADING_MENTION.matcher(event.path("text").asText("")).replaceFirst(""))
                .strip();
        // A mention is answered in its thread (the one it started, or the one it is in); a direct message plainly.
        Optional<String> thread = directMessage
                ? Optional.empty()
                : Optional.of(event.path("thread_ts").asText(event.path("ts").asText("")))
                        .filter(ts -> !ts.isEmpty());
        return Optional.of(new SlackMessage(eventId, user, channel, text, thread));
    }
}
