package dev.jeeves.server.storage;

import dev.jeeves.api.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything {@link Database#open} needs, in one value, so no caller can open a database and leave the
 * operator's user, password or pool size behind (the server once did: it called a shorter {@code open}).
 *
 * @param jdbcUrl where the data lives; an H2 file URL gets its directory created
 * @param user the database user, if the URL does not carry one
 * @param password the user's password (never logged)
 * @param poolSize the most connections this instance holds
 * @param connectionTimeout how long a request for a connection waits when all are in use
 * @param dataDir the data directory (created if missing, readable by its owner only)
 */
public record DatabaseSettings(
        String jdbcUrl,
        Optional<String> user,
        Optional<Secret> password,
        int poolSize,
        Duration connectionTimeout,
        Path dataDir) {

    /** How long a request for a connection waits before the database counts as unavailable. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    public DatabaseSettings {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
        }
    }

    /** The same settings with another connection timeout (tests that exhaust the pool wait less). */
    public DatabaseSettings withConnectionTimeout(Duration timeout) {
        return new DatabaseSettings(jdbcUrl, user, password, poolSize, timeout, dataDir);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + Database.withoutPassword(jdbcUrl) + ", user=" + user.orElse("-") + ", poolSize="
                + poolSize + "]";
    }
}
