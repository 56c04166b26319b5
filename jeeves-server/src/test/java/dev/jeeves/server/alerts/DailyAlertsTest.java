package dev.jeeves.server.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.jeeves.server.Secret;
import dev.jeeves.server.actions.FakeWeather;
import dev.jeeves.server.slack.SlackClient;
import dev.jeeves.server.storage.AlertStore;
import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.UserStore;
import dev.jeeves.server.upstream.Upstream;
import io.helidon.metrics.api.Metrics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DailyAlertsTest {
    @RegisterExtension
    static WireMockExtension slackApi = WireMockExtension.newInstance()
            .options(options().bindAddress("127.0.0.1").dynamicPort().usingFilesUnderClasspath("jeeves-stubs/slack"))
            .build();

    // 05:00 UTC is 06:00 in Berlin (CET, winter) and 06:00 in Paris.
    static final Instant FIVE_UTC = Instant.parse("2026-11-27T05:00:00Z");

    @TempDir
    Path dataDir;

    Database database;
    UserStore users;
    AlertStore alerts;
    FakeWeather weather = new FakeWeather();
    SlackClient slack;

    @BeforeEach
    void setUp() {
        database = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", dataDir);
        users = new UserStore(database.dataSource(), Clock.systemUTC());
        alerts = new AlertStore(database.dataSource());
        slack = new SlackClient(
                new Upstream(Upstream.httpClient(Duration.ofSeconds(1)), Metrics.globalRegistry()),
                URI.create(slackApi.baseUrl() + "/api"),
                Optional.of(Secret.of("xoxb-alerts")),
                2,
                Duration.ofSeconds(1),
                Metrics.globalRegistry());
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    DailyAlerts at(Instant instant) {
        return new DailyAlerts(alerts, weather, slack, Clock.fixed(instant, ZoneOffset.UTC));
    }

    void userInBerlinWithAlertAt(String id, LocalTime time) {
        users.ensureExists(id);
        users.setLocation(id, FakeWeather.BERLIN);
        alerts.enable(id, time);
    }

    int postsTo(String user) {
        return slackApi.countRequestsMatching(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                        .withRequestBody(matchingJsonPath("$.channel", equalTo(user)))
                        .build())
                .getCount();
    }

    @Test
    void sendsADueAlertToTheUsersDirectMessages() {
        userInBerlinWithAlertAt("UALERT", LocalTime.of(6, 0));
        assertThat(at(FIVE_UTC).sendDue()).isEqualTo(1);
        slackApi.verify(
                postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                        .withRequestBody(matchingJsonPath("$.channel", equalTo("UALERT")))
                        .withRequestBody(
                                matchingJsonPath(
                                        "$.text",
                                        equalTo(
                                                "Your daily weather: Berlin, Germany: 18°C (feels like 16°C), overcast, wind 11 km/h"))));
    }

    @Test
    void waitsUntilTheLocalTime() {
        userInBerlinWithAlertAt("UEARLY", LocalTime.of(6, 1));
        assertThat(at(FIVE_UTC).sendDue()).isZero();
        assertThat(at(FIVE_UTC.plusSeconds(60)).sendDue()).isEqualTo(1);
    }

    @Test
    void sendsAtMostOncePerLocalDay() {
        userInBerlinWithAlertAt("UONCE", LocalTime.of(6, 0));
        assertThat(at(FIVE_UTC).sendDue()).isEqualTo(1);
        assertThat(at(FIVE_UTC.plusSeconds(60)).sendDue()).isZero();
        assertThat(at(FIVE_UTC.plus(Duration.ofHours(12))).sendDue()).isZero();
        assertThat(at(FIVE_UTC.plus(Duration.ofDays(1))).sendDue()).isEqualTo(1);
        assertThat(postsTo("UONCE")).isEqualTo(2);
    }

    @Test
    void turningAlertsOnAgainTheSameDayDoesNotResendThem() {
        userInBerlinWithAlertAt("UAGAIN", LocalTime.of(6, 0));
        at(FIVE_UTC).sendDue();
        alerts.enable("UAGAIN", LocalTime.of(5, 0));
        assertThat(at(FIVE_UTC.plusSeconds(120)).sendDue()).isZero();
    }

    @Test
    void sendsOnceWhenTwoServersShareTheDatabase() throws Exception {
        for (int i = 0; i < 20; i++) {
            userInBerlinWithAlertAt("USHARED" + i, LocalTime.of(6, 0));
        }
        DailyAlerts serverA = at(FIVE_UTC);
        DailyAlerts serverB = at(FIVE_UTC);
        List<Future<Integer>> runs = new ArrayList<>();
        try (var executor = Executors.newFixedThreadPool(2)) {
            for (Callable<Integer> run : List.<Callable<Integer>>of(serverA::sendDue, serverB::sendDue)) {
                runs.add(executor.submit(run));
            }
        }
        assertThat(runs.get(0).get() + runs.get(1).get()).isEqualTo(20);
        for (int i = 0; i < 20; i++) {
            assertThat(postsTo("USHARED" + i)).isEqualTo(1);
        }
    }

    @Test
    void triesAgainNextTimeWhenTheWeatherIsUnavailable() {
        userInBerlinWithAlertAt("URETRY", LocalTime.of(6, 0));
        weather.down = true;
        assertThat(at(FIVE_UTC).sendDue()).isZero();
        weather.down = false;
        assertThat(at(FIVE_UTC.plusSeconds(60)).sendDue()).isEqualTo(1);
    }

    @Test
    void skipsUsersWhoClearedTheirLocation() {
        userInBerlinWithAlertAt("UGONE", LocalTime.of(6, 0));
        users.clearLocation("UGONE");
        assertThat(at(FIVE_UTC).sendDue()).isZero();
    }
}
