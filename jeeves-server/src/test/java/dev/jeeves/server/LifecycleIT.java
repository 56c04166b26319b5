package dev.jeeves.server;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.jeeves.server.OpenApiContract.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.helidon.metrics.api.MeterRegistry;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start, restart and stop: data and dedupe survive restarts; stopping finishes the replies in flight, queues the rest. */
@Tag("functional")
class LifecycleIT {
    @TempDir
    Path dataDir;

    static void say(JeevesFixture jeeves, String user, String text) {
        jeeves.authorized()
                .contentType(ContentType.JSON)
                .body("{\"user\":\"" + user + "\",\"text\":\"" + text + "\"}")
                .post("/api/messages")
                .then()
                .statusCode(200);
    }

    static int slackPosts(JeevesFixture jeeves) {
        return jeeves.slack()
                .countRequestsMatching(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                        .build())
                .getCount();
    }

    @Test
    void keepsUsersSettingsAndLocationsAcrossARestart() {
        assumeTrue(JeevesFixture.liveUrl().isEmpty());
        try (JeevesFixture jeeves = JeevesFixture.start(dataDir)) {
            say(jeeves, "UKEEP", "location set Berlin");
            say(jeeves, "UKEEP", "config set units metric");
            say(jeeves, "UKEEP", "alerts on at 08:15");
            String tokenFromBeforeTheRestart = jeeves.accessToken();
            jeeves.restart();
            given().baseUri(jeeves.uri().toString())
                    .header("Authorization", "Bearer " + tokenFromBeforeTheRestart)
                    .get("/api/users/UKEEP")
                    .then()
                    .statusCode(200)
                    .body("location.name", equalTo("Berlin"))
                    .body("settings.units", equalTo("metric"))
                    .body("alert.time", equalTo("08:15"));
        }
    }

    @Test
    void dropsASlackRetryThatArrivesAfterARestart() {
        assumeTrue(JeevesFixture.liveUrl().isEmpty());
        try (JeevesFixture jeeves = JeevesFixture.start(dataDir)) {
            String body = SlackEvents.directMessage("EvRESTART1", "URESTART", "help");
            SlackEvents.post(jeeves.uri(), body).then().statusCode(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> slackPosts(jeeves) == 1);
            jeeves.restart();
            SlackEvents.post(jeeves.uri(), body).then().statusCode(200);
            // A genuine new event after the retry shows the retry was not queued behind it.
            SlackEvents.post(jeeves.uri(), SlackEvents.directMessage("EvRESTART2", "URESTART", "dance"))
                    .then()
                    .statusCode(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> slackPosts(jeeves) == 2);
            assertThat(slackPosts(jeeves)).isEqualTo(2);
        }
    }

    @Test
    void finishesTheRepliesItIsWorkingOnWhenStopping() {
        assumeTrue(JeevesFixture.liveUrl().isEmpty());
        try (JeevesFixture jeeves = JeevesFixture.start(dataDir)) {
            SlackEvents.slowPlaceLookups(jeeves.openMeteo(), Duration.ofMillis(700));
            SlackEvents.post(jeeves.uri(), SlackEvents.directMessage("EvSTOP1", "USTOP", "weather in Nowhere"))
                    .then()
                    .statusCode(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> SlackEvents.placeLookups(jeeves.openMeteo()) == 1);
            assertThat(slackPosts(jeeves)).isZero();
            jeeves.server().close(); // the reply is being worked out: it goes out within the grace period
            assertThat(slackPosts(jeeves)).isEqualTo(1);
        }
    }

    @Test
    void leavesWhatItCannotFinishInTimeQueuedForTheNextStart() {
        assumeTrue(JeevesFixture.liveUrl().isEmpty());
        Map<String, String> shortGrace = Map.of(
                "JEEVES_SHUTDOWN_GRACE_PERIOD", "PT1S",
                "JEEVES_WORK_TAKEOVER", "PT3S",
                "JEEVES_SLACK_REPLY_RETRY_DELAY", "PT0.1S");
        try (JeevesFixture jeeves = JeevesFixture.start(dataDir, shortGrace)) {
            SlackEvents.slowPlaceLookups(jeeves.openMeteo(), Duration.ofSeconds(4));
            SlackEvents.post(jeeves.uri(), SlackEvents.directMessage("EvLATE1", "ULATE", "weather in Nowhere"))
                    .then()
                    .statusCode(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> SlackEvents.placeLookups(jeeves.openMeteo()) == 1);
            jeeves.server().close(); // the lookup needs 4 s, the grace period is 1 s
            assertThat(slackPosts(jeeves)).isZero();
            jeeves.resetStubs();
            jeeves.restart();
            await().atMost(Duration.ofSeconds(15)).until(() -> slackPosts(jeeves) == 1);
        }
    }

    @Test
    void refusesToStartOnAPortThatIsTaken(@TempDir Path otherDataDir) {
        assumeTrue(JeevesFixture.liveUrl().isEmpty());
        try (JeevesFixture jeeves = JeevesFixture.start(dataDir)) {
            Map<String, String> samePort = Map.of(
                    "JEEVES_PORT", Integer.toString(jeeves.server().port()),
                    "JEEVES_DATA_DIR", otherDataDir.toString());
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                            JeevesServer.start(JeevesConfig.load(samePort), Clock.systemUTC(), MeterRegistry.create()))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessage("cannot listen on 127.0.0.1:" + jeeves.server().port()
                            + " (Address already in use): set JEEVES_HOST or JEEVES_PORT");
        }
    }

    @Test
    void refusesAHostThatIsNotThisMachinesBeforeCreatingAnything(@TempDir Path parent) {
        Path neverCreated = parent.resolve("data");
        Map<String, String> elsewhere = Map.of(
                // TEST-NET-1 (RFC 5737): an address no machine of ours has.
                "JEEVES_HOST", "192.0.2.1", "JEEVES_PORT", "0", "JEEVES_DATA_DIR", neverCreated.toString());
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        JeevesServer.start(JeevesConfig.load(elsewhere), Clock.systemUTC(), MeterRegistry.create()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("cannot listen on 192.0.2.1:0 (Cannot assign requested address): set JEEVES_HOST or"
                        + " JEEVES_PORT");
        assertThat(neverCreated).doesNotExist();
    }

    @Test
    void refusesSlackEventsWhenNoSigningSecretIsSet() {
        assumeTrue(JeevesFixture.liveUrl().isEmpty());
        Map<String, String> noSecret = new HashMap<>();
        noSecret.put("JEEVES_SLACK_SIGNING_SECRET", null);
        try (JeevesFixture jeeves = JeevesFixture.start(dataDir, noSecret)) {
            SlackEvents.post(jeeves.uri(), SlackEvents.directMessage("EvNOSECRET", "U1", "help"))
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("detail", containsString("set JEEVES_SLACK_SIGNING_SECRET"));
        }
    }

    @Test
    void reportsHealthMetricsAndOpenApi() {
        try (JeevesFixture jeeves = JeevesFixture.start(dataDir)) {
            String base = jeeves.uri().toString();
            given().baseUri(base)
                    .get("/observe/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'database' }.status", equalTo("UP"));
            say(jeeves, "UMETRICS", "help");
            given().baseUri(base)
                    .accept("text/plain")
                    .get("/observe/metrics")
                    .then()
                    .statusCode(200)
                    .body(containsString("jeeves_actions_total{action=\"help\""))
                    .body(containsString("jeeves_http_requests_seconds_count{method=\"POST\",route=\"/api/messages/\""))
                    .body(containsString("jeeves_upstream_calls_seconds"));
            given().baseUri(base)
                    .get("/openapi")
                    .then()
                    .statusCode(200)
                    .body(containsString("/api/messages"))
                    .body(containsString("/api/users/{id}"))
                    .body(containsString("/api/status"))
                    .body(containsString("/oauth/token"))
                    .body(containsString("/.well-known/jwks.json"))
                    .body(containsString("/slack/events"));
        }
    }
}
