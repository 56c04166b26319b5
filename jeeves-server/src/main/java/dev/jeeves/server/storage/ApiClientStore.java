package dev.jeeves.server.storage;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * API clients and their secrets, shared by every instance, so a client's token request succeeds on whichever one
 * the load balancer picks. The primary key makes the first instance's secret the one all of them use.
 */
public final class ApiClientStore {
    private final Jdbc jdbc;
    private final Clock clock;

    /** Creates the store over a migrated database. */
    public ApiClientStore(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    /** Adds a client unless one with that id exists; false when it did. */
    public boolean add(String clientId, String secret) {
        return jdbc.insertUnlessPresent(
                "INSERT INTO api_clients (client_id, client_secret, created_at) VALUES (?, ?, ?)",
                clientId,
                secret,
                Timestamp.from(clock.instant()));
    }

    /** The secret of a client, if it exists. */
    public Optional<String> secret(String clientId) {
        return jdbc.queryOne(
                "SELECT client_secret FROM api_clients WHERE client_id = ?", row -> row.getString(1), clientId);
    }
}
