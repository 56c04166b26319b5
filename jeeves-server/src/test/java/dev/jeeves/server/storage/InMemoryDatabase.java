package dev.jeeves.server.storage;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/** A fresh, private H2 database in memory, migrated like a real one: what unit tests of the stores run on. */
public final class InMemoryDatabase {
    private InMemoryDatabase() {}

    /** Settings for a new in-memory database nobody else uses, with the production pool size. */
    public static DatabaseSettings settings(Path dataDir) {
        return new DatabaseSettings(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                Optional.empty(),
                Optional.empty(),
                10,
                DatabaseSettings.DEFAULT_CONNECTION_TIMEOUT,
                dataDir);
    }

    /** Opens a new in-memory database nobody else uses. */
    public static Database open(Path dataDir) {
        return Database.open(settings(dataDir));
    }
}
