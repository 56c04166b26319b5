package dev.jeeves.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jeeves.server.actions.FakeWeather;
import dev.jeeves.server.replies.Delivery;
import dev.jeeves.server.replies.RecordingReplies;
import dev.jeeves.server.replies.Replies;
import dev.jeeves.server.storage.AlertStore;
import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.InMemoryDatabase;
import dev.jeeves.server.storage.UserStore;
import dev.jeeves.server.work.DurableWork;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily alerts against a real (in-memory H2) database and real durable work, a fixed clock and a recording
 * {@code Replies}: which alerts are due, and that each due one is posted once, however often it has to be tried.
 */
class DailyAlertsTest {
    // 05:00 UTC is 06:00 in Berlin (CET, winter) and 06:00 in Paris.
    static final Instant FIVE_UTC = Instant.parse("2026-11-27T05:00:00Z");
    static final Duration DEADLINE = Duration.ofSeconds(10);
    static final String REPORT = "Your daily weather: Berlin, Germany: 18°C (feels like 16°C), overcast, wind 11 km/h";

    @TempDir
    Path dataDir;

    Database database;
    UserStore users;
    AlertStore alerts;
    FakeWeather weather = new FakeWeather();
    RecordingReplies replies = new RecordingReplies();
    final List<DurableWork> engines = new ArrayList<>();

    @BeforeEach
    void setUp() {
        database = InMemoryDatabase.open(dataDir);
        users = new UserStore(database.dataSource(), Clock.systemUTC());
        alerts = new AlertStore(database.dataSource());
    }

    @AfterEach
    void tearDown() {
        engines.forEach(DurableWork::stop);
        database.close();
    }

    /** One instance's alerts at a fixed instant, with its durable work started. */
    DailyAlerts at(Instant instant) {
        return at(instant, replies);
    }

    DailyAlerts at(Instant instant, Replies slack) {
        // A 3 s takeover polls every half second; retries wait 100 ms, then 200 ms.
        DurableWork work =
                new DurableWork(database, Duration.ofSeconds(3), Duration.ofSeconds(2), "i" + engines.size());
        DailyAlerts daily = new DailyAlerts(
                database,
                alerts,
                weather,
                slack,
                work,
                3,
                Duration.ofMillis(100),
                Clock.fixed(instant, ZoneOffset.UTC));
        work.start();
        engines.add(work);
        return daily;
    }

    void userInBerlinWithAlertAt(String id, LocalTime time) {
        users.ensureExists(id);
        users.setLocation(id, FakeWeather.BERLIN);
        alerts.enable(id, time);
    }

    void awaitPosts(String user, long posts) {
        await().atMost(DEADLINE).until(() -> replies.postsTo(user) == posts);
    }

    @Test
    void sendsADueAlertToTheUsersDirectMessages() {
        userInBerlinWithAlertAt("UALERT", LocalTime.of(6, 0));
        assertThat(at(FIVE_UTC).scheduleDue()).isEqualTo(1);
        awaitPosts("UALERT", 1);
        assertThat(replies.posted()).containsExactly(new RecordingReplies.Posted("UALERT", REPORT, Optional.empty()));
        assertThat(alerts.find("UALERT").orElseThrow().lastSentDate()).contains(LocalDate.of(2026, 11, 27));
    }

    @Test
    void waitsUntilTheLocalTime() {
        userInBerlinWithAlertAt("UEARLY", LocalTime.of(6, 1));
        DailyAlerts early = at(FIVE_UTC);
        assertThat(early.scheduleDue()).isZero();
        assertThat(at(FIVE_UTC.plusSeconds(60)).scheduleDue()).isEqualTo(1);
        awaitPosts("UEARLY", 1);
    }

    @Test
    void sendsAtMostOncePerLocalDay() {
        userInBerlinWithAlertAt("UONCE", LocalTime.of(6, 0));
        assertThat(at(FIVE_UTC).scheduleDue()).isEqualTo(1);
        assertThat(at(FIVE_UTC.plusSeconds(60)).scheduleDue()).isZero();
        assertThat(at(FIVE_UTC.plus(Duration.ofHours(12))).scheduleDue()).isZero();
        awaitPosts("UONCE", 1);
        assertThat(at(FIVE_UTC.plus(Duration.ofDays(1))).scheduleDue()).isEqualTo(1);
        awaitPosts("UONCE", 2);
    }

    @Test
    void turningAlertsOnAgainTheSameDayDoesNotResendThem() {
        userInBerlinWithAlertAt("UAGAIN", LocalTime.of(6, 0));
        DailyAlerts daily = at(FIVE_UTC);
        daily.scheduleDue();
        awaitPosts("UAGAIN", 1);
        alerts.enable("UAGAIN", LocalTime.of(5, 0));
        assertThat(at(FIVE_UTC.plusSeconds(120)).scheduleDue()).isZero();
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
            for (Callable<Integer> run : List.<Callable<Integer>>of(serverA::scheduleDue, serverB::scheduleDue)) {
                runs.add(executor.submit(run));
            }
        }
        assertThat(runs.get(0).get() + runs.get(1).get()).isEqualTo(20);
        await().atMost(DEADLINE).until(() -> replies.posted().size() == 20);
        for (int i = 0; i < 20; i++) {
            assertThat(replies.postsTo("USHARED" + i)).isEqualTo(1);
        }
    }

    @Test
    void triesAgainWithBackoffWhenTheWeatherIsUnavailable() {
        userInBerlinWithAlertAt("URETRY", LocalTime.of(6, 0));
        weather.down = true;
        DailyAlerts daily = at(FIVE_UTC);
        assertThat(daily.scheduleDue()).isEqualTo(1);
        await().atMost(DEADLINE).until(() -> pendingAlerts() == 1 && failuresOfTheAlert() >= 1);
        weather.down = false;
        awaitPosts("URETRY", 1);
        assertThat(replies.posted()).containsExactly(new RecordingReplies.Posted("URETRY", REPORT, Optional.empty()));
    }

    @Test
    void postsAnAlertOnceWhenSlackIsBrieflyUnavailable() {
        userInBerlinWithAlertAt("USLACK", LocalTime.of(6, 0));
        AtomicInteger attempts = new AtomicInteger();
        Replies flakySlack = (channel, text, threadTs) -> attempts.incrementAndGet() < 3
                ? Delivery.unavailable("Slack answered HTTP 503")
                : replies.post(channel, text, threadTs);
        assertThat(at(FIVE_UTC, flakySlack).scheduleDue()).isEqualTo(1);
        awaitPosts("USLACK", 1);
        assertThat(attempts).hasValue(3);
        await().atMost(DEADLINE).until(() -> pendingAlerts() == 0);
        assertThat(replies.postsTo("USLACK")).isEqualTo(1);
    }

    @Test
    void givesUpOnADayAfterEveryAttemptWithoutBlockingTheNext() {
        userInBerlinWithAlertAt("UDOWN", LocalTime.of(6, 0));
        weather.down = true;
        assertThat(at(FIVE_UTC).scheduleDue()).isEqualTo(1);
        await().atMost(DEADLINE).until(() -> pendingAlerts() == 0);
        assertThat(replies.postsTo("UDOWN")).isZero();
        weather.down = false;
        assertThat(at(FIVE_UTC.plus(Duration.ofDays(1))).scheduleDue()).isEqualTo(1);
        awaitPosts("UDOWN", 1);
    }

    @Test
    void sendsNothingWhenAlertsWereTurnedOffAfterBeingScheduled() {
        userInBerlinWithAlertAt("UOFF", LocalTime.of(6, 0));
        DailyAlerts daily = at(FIVE_UTC);
        alerts.disable("UOFF");
        daily.send(new DailyAlerts.AlertDay("UOFF", LocalDate.of(2026, 11, 27)));
        assertThat(replies.postsTo("UOFF")).isZero();
    }

    @Test
    void skipsUsersWhoClearedTheirLocation() {
        userInBerlinWithAlertAt("UGONE", LocalTime.of(6, 0));
        users.clearLocation("UGONE");
        assertThat(at(FIVE_UTC).scheduleDue()).isZero();
    }

    @Test
    void namesEachTaskByUserAndLocalDay() {
        DailyAlerts.AlertDay day = new DailyAlerts.AlertDay("U/with/slashes", LocalDate.of(2026, 12, 4));
        assertThat(day.id()).isEqualTo("U/with/slashes/2026-12-04");
        assertThat(DailyAlerts.AlertDay.parse(day.id())).isEqualTo(day);
    }

    private int pendingAlerts() {
        return count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = '" + DailyAlerts.TASK + "'");
    }

    private int failuresOfTheAlert() {
        return count("SELECT COALESCE(MAX(consecutive_failures), 0) FROM scheduled_tasks WHERE task_name = '"
                + DailyAlerts.TASK + "'");
    }

    private int count(String sql) {
        try (var connection = database.dataSource().getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
