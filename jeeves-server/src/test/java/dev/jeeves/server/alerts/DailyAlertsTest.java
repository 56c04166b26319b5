package dev.jeeves.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jeeves.server.actions.FakeWeather;
import dev.jeeves.server.replies.RecordingReplies;
import dev.jeeves.server.storage.AlertStore;
import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.InMemoryDatabase;
import dev.jeeves.server.storage.UserStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily alerts against a real (in-memory H2) database, a fixed clock and a recording {@code Replies}. */
class DailyAlertsTest {
    // 05:00 UTC is 06:00 in Berlin (CET, winter) and 06:00 in Paris.
    static final Instant FIVE_UTC = Instant.parse("2026-11-27T05:00:00Z");

    @TempDir
    Path dataDir;

    Database database;
    UserStore users;
    AlertStore alerts;
    FakeWeather weather = new FakeWeather();
    RecordingReplies replies = new RecordingReplies();

    @BeforeEach
    void setUp() {
        database = InMemoryDatabase.open(dataDir);
        users = new UserStore(database.dataSource(), Clock.systemUTC());
        alerts = new AlertStore(database.dataSource());
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    DailyAlerts at(Instant instant) {
        return new DailyAlerts(alerts, weather, replies, Clock.fixed(instant, ZoneOffset.UTC));
    }

    void userInBerlinWithAlertAt(String id, LocalTime time) {
        users.ensureExists(id);
        users.setLocation(id, FakeWeather.BERLIN);
        alerts.enable(id, time);
    }

    long postsTo(String user) {
        return replies.postsTo(user);
    }

    @Test
    void sendsADueAlertToTheUsersDirectMessages() {
        userInBerlinWithAlertAt("UALERT", LocalTime.of(6, 0));
        assertThat(at(FIVE_UTC).sendDue()).isEqualTo(1);
        assertThat(replies.posted())
                .containsExactly(new RecordingReplies.Posted(
                        "UALERT",
                        "Your daily weather: Berlin, Germany: 18°C (feels like 16°C), overcast, wind 11 km/h",
                        java.util.Optional.empty()));
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
