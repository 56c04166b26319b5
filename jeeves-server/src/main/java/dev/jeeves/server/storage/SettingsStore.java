package dev.jeeves.server.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Per-user key/value settings ({@code config set units metric}). Limits are checked by the caller. */
public final class SettingsStore {
    private final Jdbc jdbc;

    /** Creates the store over a migrated database. */
    public SettingsStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** All of a user's settings, sorted by key. */
    public Map<String, String> all(String userId) {
        Map<String, String> settings = new LinkedHashMap<>();
        jdbc.query(
                        "SELECT setting_key, setting_value FROM settings WHERE user_id = ? ORDER BY setting_key",
                        row -> Map.entry(row.getString(1), row.getString(2)),
                        userId)
                .forEach(entry -> settings.put(entry.getKey(), entry.getValue()));
        return settings;
    }

    /** One setting's value, if set. */
    public Optional<String> get(String userId, String key) {
        return jdbc.queryOne(
                "SELECT setting_value FROM settings WHERE user_id = ? AND setting_key = ?",
                row -> row.getString(1),
                userId,
                key);
    }

    /**
     * Locks the user's row until the caller's transaction ends: their settings' writers then take turns, so a check
     * of how many there are still holds when the write comes.
     */
    public void lockSettingsOf(String userId) {
        jdbc.exists("SELECT id FROM users WHERE id = ? FOR UPDATE", userId);
    }

    /** How many settings a user has. */
    public int count(String userId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM settings WHERE user_id = ?", row -> row.getInt(1), userId)
                .orElse(0);
    }

    /** Sets a value, replacing any earlier one (update first, insert when there was none). */
    public void set(String userId, String key, String value) {
        int updated = jdbc.update(
                "UPDATE settings SET setting_value = ? WHERE user_id = ? AND setting_key = ?", value, userId, key);
        if (updated == 0
                && !jdbc.insertUnlessPresent(
                        "INSERT INTO settings (user_id, setting_key, setting_value) VALUES (?, ?, ?)",
                        userId,
                        key,
                        value)) {
            // Another request inserted the key between our update and insert: last writer wins.
            jdbc.update(
                    "UPDATE settings SET setting_value = ? WHERE user_id = ? AND setting_key = ?", value, userId, key);
        }
    }

    /** Removes a setting; false when it was not set. */
    public boolean unset(String userId, String key) {
        return jdbc.update("DELETE FROM settings WHERE user_id = ? AND setting_key = ?", userId, key) > 0;
    }
}
