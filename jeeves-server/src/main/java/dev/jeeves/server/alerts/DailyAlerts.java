package dev.jeeves.server.alerts;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.jeeves.server.domain.Alert;
import dev.jeeves.server.domain.Place;
import dev.jeeves.server.replies.Delivery;
import dev.jeeves.server.replies.Replies;
import dev.jeeves.server.storage.AlertStore;
import dev.jeeves.server.storage.Database;
import dev.jeeves.server.weather.WeatherService;
import dev.jeeves.server.work.DurableWork;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The daily weather alerts, each at or after its local time, at most once per user and local day, and as durable as
 * a Slack reply. {@link #scheduleDue} (the {@code daily-alerts} check, once per cluster every minute) claims each due
 * alert for the day and schedules its {@code daily-alert} task in one transaction; the task looks the weather up and
 * posts it, and when either is unavailable it runs again with backoff, like a reply, on whichever instance is alive.
 * The claim ({@link AlertStore#claim}, a conditional update) and the task's id (user and day) keep a day from being
 * sent twice, across restarts and instances sharing one database.
 */
public final class DailyAlerts {
    private static final Logger LOG = Logger.getLogger(DailyAlerts.class.getName());
    /** The task's name in {@code scheduled_tasks}. */
    public static final String TASK = "daily-alert";

    private final Database database;
    private final AlertStore alerts;
    private final WeatherService weather;
    private final Replies replies;
    private final DurableWork work;
    private final Clock clock;
    private final OneTimeTask<Void> task;

    /**
     * Creates the alerts and registers their task with {@code work}.
     *
     * @param attempts executions of one day's alert before it is given up, the first included
     * @param firstRetry the wait before the second execution; each next wait doubles
     */
    public DailyAlerts(
            Database database,
            AlertStore alerts,
            WeatherService weather,
            Replies replies,
            DurableWork work,
            int attempts,
            Duration firstRetry,
            Clock clock) {
        this.database = database;
        this.alerts = alerts;
        this.weather = weather;
        this.replies = replies;
        this.work = work;
        this.clock = clock;
        this.task =
                work.registerRetried(TASK, attempts, firstRetry, id -> send(AlertDay.parse(id)), DailyAlerts::giveUp);
    }

    /** Claims and schedules every alert due now; how many this call scheduled. */
    public int scheduleDue() {
        // Nowhere on earth is it later than UTC+14, so no local date is after tomorrow in UTC.
        LocalDate latestLocalDate =
                LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
        int scheduled = 0;
        for (Alert alert : alerts.unsentSince(latestLocalDate)) {
            Optional<LocalDate> due = alert.location().flatMap(place -> dueDay(alert, place));
            if (due.isPresent() && schedule(new AlertDay(alert.userId(), due.get()))) {
                scheduled++;
            }
        }
        if (scheduled > 0) {
            work.wakeUp();
        }
        return scheduled;
    }

    private Optional<LocalDate> dueDay(Alert alert, Place place) {
        ZonedDateTime localNow = ZonedDateTime.now(clock.withZone(place.timeZone()));
        LocalDate today = localNow.toLocalDate();
        boolean due = !localNow.toLocalTime().isBefore(alert.localTime())
                && alert.lastSentDate().map(today::isAfter).orElse(true);
        return due ? Optional.of(today) : Optional.empty();
    }

    /** The day's claim and its task together, or neither (another instance, or an earlier check, has it). */
    private boolean schedule(AlertDay day) {
        return database.inTransaction(
                () -> alerts.claim(day.userId(), day.date()) && work.schedule(task.instance(day.id())));
    }

    /** Sends one day's alert. Throws to be tried again later: the weather or Slack is unavailable, or a stop. */
    void send(AlertDay day) {
        Optional<Place> place = alerts.find(day.userId()).flatMap(Alert::location);
        if (place.isEmpty()) {
            return; // turned off, or the location cleared, since it was scheduled
        }
        String report = weather.current(place.get()).describe(place.get());
        if (work.outOfTime()) {
            throw new AlertNotDelivered("stopped before the alert " + day.id() + " was posted");
        }
        Delivery delivery = replies.post(day.userId(), "Your daily weather: " + report, Optional.empty());
        switch (delivery.outcome()) {
            case DELIVERED -> LOG.fine(() -> "sent the daily alert " + day.id());
            case REFUSED -> LOG.severe("Slack refused the daily alert " + day.id() + ": " + delivery.detail());
            case UNAVAILABLE -> throw new AlertNotDelivered(delivery.detail());
        }
    }

    private static void giveUp(ExecutionComplete complete) {
        String cause = complete.getCause().map(Throwable::getMessage).orElse("unknown");
        LOG.severe("daily alert " + complete.getExecution().taskInstance.getId() + " not sent after every attempt: "
                + cause);
    }

    /** One user's alert on one local day: the task's id, {@code U123/2026-12-04}. */
    record AlertDay(String userId, LocalDate date) {
        String id() {
            return userId + "/" + date;
        }

        static AlertDay parse(String id) {
            int slash = id.lastIndexOf('/');
            return new AlertDay(id.substring(0, slash), LocalDate.parse(id.substring(slash + 1)));
        }
    }

    /** The alert could not be posted now; the task runs again after a backoff. */
    static final class AlertNotDelivered extends RuntimeException {
        AlertNotDelivered(String message) {
            super(message);
        }
    }
}
