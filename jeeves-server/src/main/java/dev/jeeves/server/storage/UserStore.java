package dev.jeeves.server.storage;

import dev.jeeves.server.domain.Place;
import dev.jeeves.server.domain.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Users and their locations. Deleting a user deletes their settings and alert with them (foreign keys). */
public final class UserStore {
    private static final String COLUMNS =
            "id, display_name, email, location_name, location_country, latitude, longitude, time_zone, created_at";

    private final Jdbc jdbc;
    private final Clock clock;

    /** Creates the store over a migrated database. */
    public UserStore(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    /** Creates the user on their first message; true when they were new. Safe when two requests race. */
    // tag::ensure-exists[]
    public boolean ensureExists(String id) {
        // Every message calls this, and nearly every user exists: a read answers it without a write, its lock or
        // the duplicate-key exception an INSERT alone would cost (a fifth of an API call's time before).
        if (jdbc.exists("SELECT 1 FROM users WHERE id = ?", id)) {
            return false;
        }
        return jdbc.insertUnlessPresent(
                "INSERT INTO users (id, created_at) VALUES (?, ?)", id, Timestamp.from(clock.instant()));
    }
    // end::ensure-exists[]

    /** The user with this id, if any. */
    public Optional<User> find(String id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM users WHERE id = ?", UserStore::user, id);
    }

    /** One page of users, oldest first (a stable order for paging). */
    public List<User> list(int limit, int offset) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM users ORDER BY created_at, id LIMIT ? OFFSET ?",
                UserStore::user,
                limit,
                offset);
    }

    /** How many users there are. */
    public long count() {
        return jdbc.queryOne("SELECT COUNT(*) FROM users", rows -> rows.getLong(1))
                .orElse(0L);
    }

    /** Replaces the display name; {@code null} clears it. */
    public void setDisplayName(String id, String displayName) {
        jdbc.update("UPDATE users SET display_name = ? WHERE id = ?", displayName, id);
    }

    /** Replaces the email; {@code null} clears it. */
    public void setEmail(String id, String email) {
        jdbc.update("UPDATE users SET email = ? WHERE id = ?", email, id);
    }

    /** Stores where the user's weather comes from. */
    public void setLocation(String id, Place place) {
        jdbc.update(
                "UPDATE users SET location_name = ?, location_country = ?, latitude = ?, longitude = ?, time_zone = ?"
                        + " WHERE id = ?",
                place.name(),
                place.country(),
                place.latitude(),
                place.longitude(),
                place.timeZone().getId(),
                id);
    }

    /** Forgets the user's location. */
    public void clearLocation(String id) {
        jdbc.update(
                "UPDATE users SET location_name = NULL, location_country = NULL, latitude = NULL, longitude = NULL,"
                        + " time_zone = NULL WHERE id = ?",
                id);
    }

    /** Deletes the user with their settings and alert; false when there was no such user. */
    public boolean delete(String id) {
        return jdbc.update("DELETE FROM users WHERE id = ?", id) > 0;
    }

    static Optional<Place> place(ResultSet row) throws SQLException {
        String name = row.getString("location_name");
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(new Place(
                name,
                row.getString("location_country"),
                row.getDouble("latitude"),
                row.getDouble("longitude"),
                ZoneId.of(row.getString("time_zone"))));
    }

    private static User user(ResultSet row) throws SQLException {
        return new User(
                row.getString("id"),
                Optional.ofNullable(row.getString("display_name")),
                Optional.ofNullable(row.getString("email")),
                place(row),
                row.getTimestamp("created_at").toInstant());
    }
}
