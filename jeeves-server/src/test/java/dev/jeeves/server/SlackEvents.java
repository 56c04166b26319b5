package dev.jeeves.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.jeeves.server.OpenApiContract.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.app_backend.SlackSignature;
import dev.jeeves.api.Json;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

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
        return directMessage(eventId, user, "D0DIRECT", text);
    }

    /** A direct message in a channel of its own: tests that send many tell the replies apart by channel. */
    static String directMessage(String eventId, String user, String channel, String text) {
        return """
                {"token":"verification-token","team_id":"T0TEAM","api_app_id":"A0JEEVES","type":"event_callback",
                 "event_id":"%s","event_time":1700000000,
                 "event":{"type":"message","channel_type":"im","user":"%s","text":"%s","ts":"1700000000.000200",
                  "channel":"%s","event_ts":"1700000000.000200"}}""".formatted(eventId, user, text, channel);
    }

    /**
     * Makes every place lookup of the Open-Meteo stub take {@code delay} and find nothing: work that needs one is
     * still in flight for that long (to stop or kill a Jeeves in the middle of it).
     */
    static void slowPlaceLookups(WireMockServer openMeteo, Duration delay) {
        openMeteo.stubFor(get(urlPathEqualTo("/v1/search"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withFixedDelay((int) delay.toMillis())
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"generationtime_ms\":0.1}")));
    }

    /** How many place lookups the Open-Meteo stub received. */
    static int placeLookups(WireMockServer openMeteo) {
        return openMeteo
                .countRequestsMatching(
                        getRequestedFor(urlPathEqualTo("/v1/search")).build())
                .getCount();
    }

    /** How many replies the Slack stub received, by channel. */
    static Map<String, Long> repliesPerChannel(WireMockServer slack) {
        return slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).stream()
                .map(request -> {
                    try {
                        return Json.MAPPER
                                .readTree(request.getBodyAsString())
                                .path("channel")
                                .asText();
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(Collectors.groupingBy(channel -> channel, TreeMap::new, Collectors.counting()));
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
