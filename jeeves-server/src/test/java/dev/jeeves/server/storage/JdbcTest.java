package dev.jeeves.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDBC moves every store makes: an insert that finds its row already there says so rather than failing, a
 * failure names its statement, a transaction is one or nothing and never nests, and an embedded database has written
 * a commit before the commit returns.
 */
class JdbcTest {
    static final String INSERT_USER = "INSERT INTO users (id, created_at) VALUES (?, ?)";
    static final Timestamp MONDAY = Timestamp.from(Instant.parse("2026-11-30T09:00:00Z"));

    @TempDir
    Path dataDir;

    private Database database;
    private Jdbc jdbc;

    @BeforeEach
    void open() {
        database = InMemoryDatabase.open(dataDir);
        jdbc = new Jdbc(database.dataSource());
    }

    @AfterEach
    void close() {
        database.close();
    }

    long users() {
        return jdbc.queryOne("SELECT COUNT(*) FROM users", rows -> rows.getLong(1))
                .orElseThrow();
    }

    @Test
    void insertsARowOnceAndSaysWhenItWasAlreadyThere() {
        assertThat(jdbc.insertUnlessPresent(INSERT_USER, "U1", MONDAY)).isTrue();
        assertThat(jdbc.insertUnlessPresent(INSERT_USER, "U1", MONDAY)).isFalse();
        assertThat(users()).isEqualTo(1);
    }

    @Test
    void aDuplicateInsideATransactionLeavesTheRestOfItToCommit() {
        jdbc.insertUnlessPresent(INSERT_USER, "U1", MONDAY);
        database.inTransaction(() -> {
            assertThat(jdbc.insertUnlessPresent(INSERT_USER, "U1", MONDAY)).isFalse();
            return jdbc.insertUnlessPresent(INSERT_USER, "U2", MONDAY);
        });
        assertThat(users()).isEqualTo(2);
    }

    @Test
    void aFailureThatIsNoDuplicateIsRaisedNamingTheStatement() {
        // An id longer than the column is refused with SQLSTATE 22001: data, not a duplicate key.
        assertThatThrownBy(() -> jdbc.insertUnlessPresent(INSERT_USER, "U".repeat(65), MONDAY))
                .isInstanceOf(StorageException.class)
                .hasMessage("database insert failed: INSERT INTO users (id, created_at) VALUE...");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM nowhere"))
                .isInstanceOf(StorageException.class)
                .hasMessage("database update failed: DELETE FROM nowhere");
    }

    @Test
    void aTransactionCommitsAllOrNothing() {
        database.inTransaction(() -> jdbc.insertUnlessPresent(INSERT_USER, "U1", MONDAY));
        assertThatThrownBy(() -> database.inTransaction(() -> {
                    jdbc.insertUnlessPresent(INSERT_USER, "U2", MONDAY);
                    throw new IllegalStateException("changed my mind");
                }))
                .hasMessage("changed my mind");
        assertThat(jdbc.query("SELECT id FROM users", rows -> rows.getString(1)))
                .containsExactly("U1");
    }

    @Test
    void refusesATransactionInsideAnother() {
        assertThatThrownBy(() -> database.inTransaction(() -> database.inTransaction(() -> 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("transactions do not nest");
    }

    @Test
    void anEmbeddedDatabaseWritesACommitBeforeItReturns() {
        // H2's default writes a file database's commit up to half a second later: a crash then lost it.
        DatabaseSettings file = new DatabaseSettings(
                "jdbc:h2:file:" + dataDir.resolve("jeeves"),
                Optional.empty(),
                Optional.empty(),
                2,
                DatabaseSettings.DEFAULT_CONNECTION_TIMEOUT,
                dataDir);
        try (Database onDisk = Database.open(file)) {
            assertThat(writeDelay(new Jdbc(onDisk.dataSource()))).contains("0");
        }
    }

    static Optional<String> writeDelay(Jdbc jdbc) {
        return jdbc.queryOne(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'",
                rows -> rows.getString(1));
    }

    @Test
    void aClosedDatabaseIsNotReachable() {
        assertThat(database.isReachable()).isTrue();
        database.close();
        assertThat(database.isReachable()).isFalse();
    }

    @Test
    void theStoresDataSourceIsThePoolForWhatAsksForIt() throws Exception {
        DataSource shared = database.dataSource();
        assertThat(shared.isWrapperFor(HikariDataSource.class)).isTrue();
        assertThat(shared.unwrap(HikariDataSource.class).getPoolName()).isEqualTo("jeeves");
        assertThat(shared.isWrapperFor(DataSource.class)).isTrue();
        assertThat(shared.unwrap(DataSource.class)).isSameAs(shared);
        assertThat(shared.isWrapperFor(String.class)).isFalse();
        int loginTimeout = shared.getLoginTimeout();
        try {
            shared.setLoginTimeout(7);
            assertThat(shared.getLoginTimeout()).isEqualTo(7);
        } finally {
            shared.setLoginTimeout(loginTimeout);
        }
        assertThatThrownBy(shared::getParentLogger)
                .as("as the pool answers: it has no logger to give")
                .isInstanceOf(SQLFeatureNotSupportedException.class);
    }
}
