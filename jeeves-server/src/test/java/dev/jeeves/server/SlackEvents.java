package dev.jeeves.server;

import static dev.jeeves.server.OpenApiContract.given;

import com.slack.api.app_backend.SlackSignature;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** Builds Slack Events API payloads as Slack documents them, and posts them signed as Slack does. */
final class SlackEvents {
    private SlackEvents() {}

    static String newEventId() {
        return "Ev"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(java.util.Locale.ROOT);
    }

    static String mention(String eventId, String user, String text) {
        return """
                {"token":"verification-token","team_id":"T0TEAM","api_app_id":"A0JEEVES","type":"event_callback",
                 "event_id":"%s","event_time":1700000000,
                 "event":{"type":"app_mention","user":"%s","text":"<@U0JEEVES> %s","ts":"1700000000.000100",
                  "channel":"C0GENERAL","event_ts":"1700000000.000100"}}""".formatted(eventId, user, text);
    }

    static String directMessage(String eventId, String user, String text) {
        return """
                {"token":"verification-token","team_id":"T0TEAM","api_app_id":"A0JEEVES","type":"event_callback",
                 "event_id":"%s","event_time":1700000000,
                 "event":{"type":"message","channel_type":"im","user":"%s","text":"%s","ts":"1700000000.000200",
                  "channel":"D0DIRECT","event_ts":"1700000000.000200"}}""".formatted(eventId, user, text);
    }

    static Response post(URI jeeves, String body) {
        return post(jeeves, body, JeevesFixture.signingSecret(), Instant.now());
    }

    static Response post(URI jeeves, String body, String secret, Instant when) {
        String timestamp = Long.toString(when.getEpochSecond());
        return given().baseUri(jeeves.toString())
                .contentType("application/json")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", new SlackSignature.Generator(secret).generate(timestamp, body))
                .body(body)
                .post("/slack/events");
    }
}
