package dev.jeeves.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Slack's events over HTTP, followed to the replies the Slack stub receives: threads, retries, rate limits and
 * losses. What the gate refuses, and why, runs in memory in {@link SlackEventsInMemoryTest}.
 */
class SlackEventsIT extends FunctionalTest {
    static final Duration DEADLINE = Duration.ofSeconds(10);

    static RequestPatternBuilder postsTo(String channel) {
        return postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withRequestBody(matchingJsonPath("$.channel", equalTo(channel)));
    }

    static RequestPatternBuilder postsContaining(String text) {
        return postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withRequestBody(matchingJsonPath("$.text", WireMock.containing(text)));
    }

    static int count(RequestPatternBuilder pattern) {
        return jeeves.slack().countRequestsMatching(pattern.build()).getCount();
    }

    static double counter(String name) {
        return jeeves.meters().meters().stream()
                .filter(meter -> meter.id().name().equals(name) && meter instanceof io.helidon.metrics.api.Counter)
                .mapToDouble(meter -> ((io.helidon.metrics.api.Counter) meter).count())
                .sum();
    }

    static double counterWithTag(String name, String tag, String value) {
        return jeeves.meters().meters().stream()
                .filter(meter -> meter.id().name().equals(name)
                        && value.equals(meter.id().tagsMap().get(tag))
                        && meter instanceof io.helidon.metrics.api.Counter)
                .mapToDouble(meter -> ((io.helidon.metrics.api.Counter) meter).count())
                .sum();
    }

    @Test
    void answersAMentionInItsThreadWithoutTheMention() {
        assumeStubs();
        String user = newUser();
        SlackEvents.post(jeeves.uri(), SlackEvents.mention(SlackEvents.newEventId(), user, "weather in Berlin"))
                .then()
                .statusCode(200);
        await().atMost(DEADLINE)
                .untilAsserted(() -> jeeves.slack()
                        .verify(
                                1,
                                postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                                        .withHeader("Authorization", equalTo("Bearer " + JeevesFixture.BOT_TOKEN))
                                        .withRequestBody(equalToJson("""
                                {"channel":"C0GENERAL","thread_ts":"1700000000.000100",
                                 "text":"Berlin, Germany: 18°C (feels like 16°C), overcast, wind 11 km/h"}"""))));
    }

    @Test
    void answersADirectMessageOutsideAnyThread() {
        assumeStubs();
        SlackEvents.post(
                        jeeves.uri(),
                        SlackEvents.directMessage(SlackEvents.newEventId(), newUser(), "config get units"))
                .then()
                .statusCode(200);
        await().atMost(DEADLINE)
                .untilAsserted(() -> jeeves.slack()
                        .verify(
                                1,
                                postsTo("D0DIRECT")
                                        .withRequestBody(matchingJsonPath("$.text", equalTo("units is not set.")))
                                        .withRequestBody(WireMock.notContaining("thread_ts"))));
    }

    @Test
    void ignoresMessagesFromBotsAndEdits() {
        assumeStubs();
        String user = newUser();
        String fromBot = """
                {"type":"event_callback","event_id":"%s","event":{"type":"message","channel_type":"im",
                 "subtype":"bot_message","bot_id":"B0JEEVES","text":"help","ts":"1.2","channel":"D0DIRECT"}}""".formatted(SlackEvents.newEventId());
        String botWithUser = """
                {"type":"event_callback","event_id":"%s","event":{"type":"message","channel_type":"im",
                 "bot_id":"B0OTHER","user":"%s","text":"help","ts":"1.3","channel":"D0DIRECT"}}""".formatted(SlackEvents.newEventId(), user);
        String edit = """
                {"type":"event_callback","event_id":"%s","event":{"type":"message","channel_type":"im",
                 "subtype":"message_changed","user":"%s","text":"help","ts":"1.4","channel":"D0DIRECT"}}""".formatted(SlackEvents.newEventId(), user);
        double ignoredBefore = counter("jeeves.slack.events.ignored");
        for (String event : List.of(fromBot, botWithUser, edit)) {
            SlackEvents.post(jeeves.uri(), event).then().statusCode(200);
        }
        // Ignoring is decided before the 200 is sent; a later genuine message shows the queue moved on.
        SlackEvents.post(jeeves.uri(), SlackEvents.directMessage(SlackEvents.newEventId(), user, "dance"))
                .then()
                .statusCode(200);
        await().atMost(DEADLINE).until(() -> count(postsContaining("dance")) == 1);
        assertThat(count(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))))
                .isEqualTo(1);
        assertThat(counter("jeeves.slack.events.ignored") - ignoredBefore).isEqualTo(3);
    }

    // tag::exactly-once[]
    @Test
    void processesAnEventOnceWhenSlackRetriesWhileTheFirstAttemptRuns() throws Exception {
        assumeStubs();
        // Open-Meteo is slow, so the first attempt is still running when the retries arrive.
        jeeves.openMeteo()
                .stubFor(
                        WireMock.get(urlPathEqualTo("/v1/search"))
                                .atPriority(1)
                                .willReturn(
                                        aResponse()
                                                .withFixedDelay(500)
                                                .withHeader("Content-Type", "application/json")
                                                .withBody(
                                                        "{\"results\":[{\"name\":\"Berlin\",\"latitude\":52.52437,"
                                                                + "\"longitude\":13.41053,\"country\":\"Germany\",\"timezone\":\"Europe/Berlin\"}]}")));
        String eventId = SlackEvents.newEventId();
        String body = SlackEvents.mention(eventId, newUser(), "weather in Berlin");
        double duplicatesBefore = counter("jeeves.slack.events.duplicates");
        double acceptedBefore = counter("jeeves.slack.events.accepted");
        List<CompletableFuture<Integer>> attempts = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 5; i++) {
                attempts.add(CompletableFuture.supplyAsync(
                        () -> SlackEvents.post(jeeves.uri(), body).statusCode(), executor));
            }
            for (CompletableFuture<Integer> attempt : attempts) {
                assertThat(attempt.get()).isEqualTo(200);
            }
        }
        assertThat(counter("jeeves.slack.events.accepted") - acceptedBefore).isEqualTo(1);
        assertThat(counter("jeeves.slack.events.duplicates") - duplicatesBefore).isEqualTo(4);
        await().atMost(DEADLINE).until(() -> count(postsContaining("Berlin, Germany")) >= 1);
        assertThat(count(postsContaining("Berlin, Germany"))).isEqualTo(1);
    }
    // end::exactly-once[]

    @Test
    void waitsForRetryAfterWhenSlackRateLimits() {
        assumeStubs();
        jeeves.slack()
                .stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                        .inScenario("rate limit")
                        .whenScenarioStateIs(STARTED)
                        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                        .willSetStateTo("allowed"));
        String user = newUser();
        Instant sent = Instant.now();
        SlackEvents.post(jeeves.uri(), SlackEvents.directMessage(SlackEvents.newEventId(), user, "help"))
                .then()
                .statusCode(200);
        await().atMost(DEADLINE).until(() -> count(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))) == 2);
        var requests = jeeves.slack().findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
        Duration gap = Duration.between(
                requests.get(0).getLoggedDate().toInstant(),
                requests.get(1).getLoggedDate().toInstant());
        assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(sent).isBefore(requests.get(1).getLoggedDate().toInstant());
    }

    @Test
    void retriesWhenSlackFailsWithAServerError() {
        assumeStubs();
        jeeves.slack()
                .stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                        .inScenario("outage")
                        .whenScenarioStateIs(STARTED)
                        .willReturn(aResponse().withStatus(503))
                        .willSetStateTo("recovered"));
        double okBefore = counterWithTag("jeeves.slack.posts", "outcome", "ok");
        SlackEvents.post(jeeves.uri(), SlackEvents.directMessage(SlackEvents.newEventId(), newUser(), "help"))
                .then()
                .statusCode(200);
        await().atMost(DEADLINE).until(() -> counterWithTag("jeeves.slack.posts", "outcome", "ok") - okBefore == 1);
        assertThat(count(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))))
                .isEqualTo(2);
    }

    @Test
    void givesUpAfterTheConfiguredAttemptsAndCountsTheLoss() {
        assumeStubs();
        jeeves.slack()
                .stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(503)));
        double failedBefore = counterWithTag("jeeves.slack.posts", "outcome", "failed");
        SlackEvents.post(jeeves.uri(), SlackEvents.directMessage(SlackEvents.newEventId(), newUser(), "help"))
                .then()
                .statusCode(200);
        await().atMost(DEADLINE)
                .until(() -> counterWithTag("jeeves.slack.posts", "outcome", "failed") - failedBefore == 1);
        // JEEVES_SLACK_POST_ATTEMPTS defaults to 4: the first attempt and three retries, then no more.
        assertThat(count(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))))
                .isEqualTo(4);
    }

    @Test
    void countsARefusedReplyWithoutRetryingIt() {
        assertRefused("{\"ok\":false,\"error\":\"channel_not_found\"}");
    }

    @Test
    void countsAnAnswerWithoutOkAsRefused() {
        assertRefused("{\"warning\":\"superfluous_charset\"}");
    }

    private void assertRefused(String slackAnswer) {
        assumeStubs();
        jeeves.slack()
                .stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody(slackAnswer)));
        double rejectedBefore = counterWithTag("jeeves.slack.posts", "outcome", "rejected");
        SlackEvents.post(jeeves.uri(), SlackEvents.directMessage(SlackEvents.newEventId(), newUser(), "help"))
                .then()
                .statusCode(200);
        await().atMost(DEADLINE)
                .until(() -> counterWithTag("jeeves.slack.posts", "outcome", "rejected") - rejectedBefore == 1);
        assertThat(count(postRequestedFor(urlPathMatching("/api/chat.postMessage"))))
                .isEqualTo(1);
    }

    @Test
    void refusesABadSignature() {
        SlackEvents.post(
                        jeeves.uri(),
                        SlackEvents.mention(SlackEvents.newEventId(), newUser(), "help"),
                        "wrong-secret",
                        Instant.now())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("signature does not match"));
    }
}
