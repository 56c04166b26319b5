package dev.jeeves.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jeeves.api.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void holdsNoMoreConnectionsThanThePoolSize() throws SQLException {
        DatabaseSettings settings =
                new DatabaseSettings(memoryUrl(), Optional.empty(), Optional.empty(), 2, Duration.ofMillis(250), dir);
        try (Database database = Database.open(settings);
                Connection first = database.dataSource().getConnection();
                Connection second = database.dataSource().getConnection()) {
            assertThat(first.isValid(1) && second.isValid(1)).isTrue();
            assertThatThrownBy(() -> database.dataSource().getConnection().close())
                    .isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("total=2, active=2");
        }
    }

    @Test
    void connectsAsTheConfiguredUserWithItsPassword() throws SQLException {
        String url = memoryUrl();
        DatabaseSettings settings = new DatabaseSettings(
                url, Optional.of("operator"), Optional.of(Secret.of("s3cret")), 2, Duration.ofSeconds(5), dir);
        // H2 makes the first user of a new database its owner, with the password given: the pool's.
        try (Database database = Database.open(settings)) {
            assertThat(database.isReachable()).isTrue();
            assertThatThrownBy(() -> DriverManager.getConnection(url, "operator", "wrong")
                            .close())
                    .hasMessageContaining("Wrong user name or password");
            try (Connection connection = DriverManager.getConnection(url, "operator", "s3cret")) {
                assertThat(connection.getMetaData().getUserName()).isEqualToIgnoringCase("operator");
            }
        }
    }

    @Test
    void createsTheDataDirectoryAndTheDatabaseFilesForTheirOwnerOnly() throws Exception {
        Path dataDir = dir.resolve("data");
        try (Database database = Database.open(fileSettings(dataDir))) {
            assertThat(database.isReachable()).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("jeeves.mv.db"))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void warnsNamingADataDirectoryOthersCanRead() throws Exception {
        Path dataDir = Files.createDirectory(
                dir.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        List<LogRecord> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord logRecord) {
                warnings.add(logRecord);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(DataDirectory.class.getName());
        logger.addHandler(handler);
        try (Database database = Database.open(fileSettings(dataDir))) {
            assertThat(database.isReachable()).isTrue();
            assertThat(warnings).singleElement().satisfies(warning -> {
                assertThat(warning.getLevel()).isEqualTo(Level.WARNING);
                assertThat(warning.getMessage()).startsWith(dataDir + " is open to others (rwxr-xr-x)");
            });
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
                    .as("the operator's choice is left as it is")
                    .isEqualTo("rwxr-xr-x");
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedIsRefusedSayingWhyWithoutItsPassword() {
        DatabaseSettings unreachable = new DatabaseSettings(
                "jdbc:postgresql://127.0.0.1:9/jeeves?password=s3cret",
                Optional.of("jeeves"),
                Optional.empty(),
                1,
                Duration.ofMillis(500),
                dir);
        assertThatThrownBy(() -> Database.open(unreachable))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("cannot open the database jdbc:postgresql://127.0.0.1:9/jeeves?password=***: ")
                .hasMessageContaining("refused")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void databaseUrlsInMessagesHideTheirPassword() {
        assertThat(Database.withoutPassword("jdbc:postgresql://db/jeeves?user=jeeves&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/jeeves?user=jeeves&password=***&ssl=true");
        assertThat(Database.withoutPassword("postgres://jeeves:s3cret@db:5432/jeeves"))
                .isEqualTo("postgres://jeeves:***@db:5432/jeeves");
        assertThat(Database.withoutPassword("jdbc:h2:file:/var/lib/jeeves/jeeves"))
                .isEqualTo("jdbc:h2:file:/var/lib/jeeves/jeeves");
    }

    private static String memoryUrl() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static DatabaseSettings fileSettings(Path dataDir) {
        return new DatabaseSettings(
                "jdbc:h2:file:" + dataDir.resolve("jeeves"),
                Optional.empty(),
                Optional.empty(),
                2,
                Duration.ofSeconds(5),
                dataDir);
    }
}
