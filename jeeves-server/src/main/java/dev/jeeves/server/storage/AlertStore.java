package dev.jeeves.server.storage;

import dev.jeeves.server.domain.Alert;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Daily weather alerts. {@link #claim} is how "at most once per local day" holds across restarts and across
 * servers sharing one database: a conditional update that only one caller can win.
 */
public final class AlertStore {
    private static final String SELECT = "SELECT a.user_id, a.local_time, a.last_sent_date, u.location_name,"
            + " u.location_country, u.latitude, u.longitude, u.time_zone"
            + " FROM alerts a JOIN users u ON u.id = a.user_id";

    private final Jdbc jdbc;

    /** Creates the store over a migrated database. */
    public AlertStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Turns the alert on at the given local time (keeping the last-sent date, so today is not sent twice). */
    public void enable(String userId, LocalTime localTime) {
        String time = localTime.toString();
        if (jdbc.update("UPDATE alerts SET local_time = ? WHERE user_id = ?", time, userId) == 0
                && !jdbc.insertUnlessPresent("INSERT INTO alerts (user_id, local_time) VALUES (?, ?)", userId, time)) {
            jdbc.update("UPDATE alerts SET local_time = ? WHERE user_id = ?", time, userId);
        }
    }

    /** Turns the alert off; false when it was not on. */
    public boolean disable(String userId) {
        return jdbc.update("DELETE FROM alerts WHERE user_id = ?", userId) > 0;
    }

    /** The user's alert, if on. */
    public Optional<Alert> find(String userId) {
        return jdbc.queryOne(SELECT + " WHERE a.user_id = ?", AlertStore::alert, userId);
    }

    /** Every alert not yet sent on {@code notSentOn} or later: candidates for the scheduler to check. */
    public List<Alert> unsentSince(LocalDate notSentOn) {
        return jdbc.query(
                SELECT + " WHERE a.last_sent_date IS NULL OR a.last_sent_date < ?",
                AlertStore::alert,
                Date.valueOf(notSentOn));
    }

    /**
     * Claims today's send for one user: true for exactly one caller per local date, whichever server it runs in.
     */
    public boolean claim(String userId, LocalDate localDate) {
        Date date = Date.valueOf(localDate);
        return jdbc.update(
                        "UPDATE alerts SET last_sent_date = ? WHERE user_id = ?"
                                + " AND (last_sent_date IS NULL OR last_sent_date < ?)",
                        date,
                        userId,
                        date)
                == 1;
    }

    private static Alert alert(ResultSet row) throws SQLException {
        Date lastSent = row.getDate("last_sent_date");
        return new Alert(
                row.getString("user_id"),
                LocalTime.parse(row.getString("local_time")),
                Optional.ofNullable(lastSent).map(Date::toLocalDate),
                UserStore.place(row));
    }
}
