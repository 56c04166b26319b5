package dev.jeeves.server.alerts;

import dev.jeeves.server.domain.Alert;
import dev.jeeves.server.domain.Place;
import dev.jeeves.server.replies.Replies;
import dev.jeeves.server.storage.AlertStore;
import dev.jeeves.server.weather.WeatherService;
import dev.jeeves.server.weather.WeatherUnavailableException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the daily weather alerts that are due: each at or after its local time, at most once per local day.
 * The once-only guarantee is {@link AlertStore#claim}, a conditional update, so it holds across restarts and
 * when several servers share one database. Run every minute by the {@code daily-alerts} recurring task (once per
 * cluster, see {@code ScheduledWork}); tests call {@link #sendDue()} with a fixed clock.
 */
public final class DailyAlerts {
    private static final Logger LOG = Logger.getLogger(DailyAlerts.class.getName());

    private final AlertStore alerts;
    private final WeatherService weather;
    private final Replies replies;
    private final Clock clock;

    /** Creates the sender. */
    public DailyAlerts(AlertStore alerts, WeatherService weather, Replies replies, Clock clock) {
        this.alerts = alerts;
        this.weather = weather;
        this.replies = replies;
        this.clock = clock;
    }

    /** Sends every alert due now; returns how many this call claimed and delivered. */
    public int sendDue() {
        // Nowhere on earth is it later than UTC+14, so no local date is after tomorrow in UTC.
        LocalDate latestLocalDate =
                LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
        int sent = 0;
        for (Alert alert : alerts.unsentSince(latestLocalDate)) {
            if (alert.location().isPresent() && send(alert, alert.location().get())) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(Alert alert, Place place) {
        ZonedDateTime localNow = ZonedDateTime.now(clock.withZone(place.timeZone()));
        LocalDate today = localNow.toLocalDate();
        boolean due = !localNow.toLocalTime().isBefore(alert.localTime())
                && alert.lastSentDate().map(today::isAfter).orElse(true);
        if (!due) {
            return false;
        }
        String report;
        try {
            report = weather.current(place).describe(place);
        } catch (WeatherUnavailableException e) {
            // Not claimed: the next check, a minute later, tries again.
            LOG.log(Level.WARNING, "alert for {0} waits: {1}", new Object[] {alert.userId(), e.getMessage()});
            return false;
        }
        if (!alerts.claim(alert.userId(), today)) {
            return false; // another server (or an earlier check) sent today's
        }
        return replies.post(alert.userId(), "Your daily weather: " + report, Optional.empty())
                .isDelivered();
    }
}
