package dev.jeeves.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases tests run Jeeves on. Embedded H2 by default; a real PostgreSQL server with password authentication
 * when {@code -Djeeves.test.postgres.url=jdbc:postgresql://127.0.0.1:PORT/jeeves} names one, with {@code
 * -Djeeves.test.postgres.user} (default {@code jeeves}) and {@code -Djeeves.test.postgres.password} ({@code
 * .ci/postgres start} starts a throwaway one, prints its URL and writes the password beside it). Each test gets its
 * own schema, so tests share one server but no data; Jeeves reaches it as operators configure it, through {@code
 * JEEVES_DB_USER} and {@code JEEVES_DB_PASSWORD}, never with credentials in the URL.
 */
public final class TestDatabase {
    private TestDatabase() {}

    /** One schema on the test PostgreSQL, and the credentials that reach it. */
    public record PostgresSchema(String url, String user, String password) {
        /** The settings a Jeeves on this schema is started with. */
        public Map<String, String> environment() {
            Map<String, String> environment = new HashMap<>();
            environment.put("JEEVES_DB_URL", url);
            environment.put("JEEVES_DB_USER", user);
            environment.put("JEEVES_DB_PASSWORD", password);
            return environment;
        }

        /** A connection of the test's own, to look at what Jeeves wrote. */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    /** The test PostgreSQL server's URL, if one was given. */
    public static Optional<String> postgresUrl() {
        String url = System.getProperty("jeeves.test.postgres.url", "").strip();
        return url.isEmpty() ? Optional.empty() : Optional.of(url);
    }

    /** True when the functional suite runs on PostgreSQL ({@code -Djeeves.test.fixture-db=postgresql}). */
    public static boolean fixturesOnPostgres() {
        return "postgresql".equals(System.getProperty("jeeves.test.fixture-db", "h2"));
    }

    /** Skips the calling test, saying why, when no PostgreSQL server was given; else the server's own database. */
    public static PostgresSchema requirePostgres() {
        Optional<String> url = postgresUrl();
        Assumptions.assumeTrue(
                url.isPresent(),
                "no PostgreSQL given: run .ci/postgres start DIR and pass -Djeeves.test.postgres.url=<the URL it prints>"
                        + " -Djeeves.test.postgres.password=<DIR/password>");
        return new PostgresSchema(
                url.orElseThrow(),
                System.getProperty("jeeves.test.postgres.user", "jeeves").strip(),
                System.getProperty("jeeves.test.postgres.password", ""));
    }

    /** A new, empty schema on the test PostgreSQL, which nobody else uses. */
    public static PostgresSchema freshPostgresSchema() {
        PostgresSchema server = requirePostgres();
        String schema = "t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = server.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a schema on " + server.url(), e);
        }
        String url = server.url() + (server.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new PostgresSchema(url, server.user(), server.password());
    }
}
