package dev.jeeves.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases tests run Jeeves on. Embedded H2 by default; a real PostgreSQL server when {@code
 * -Djeeves.test.postgres.url=jdbc:postgresql://127.0.0.1:PORT/jeeves?user=jeeves} names one ({@code .ci/postgres
 * start} starts a throwaway one and prints it). Each test gets its own schema, so tests share one server but no
 * data.
 */
public final class TestDatabase {
    private TestDatabase() {}

    /** The test PostgreSQL server's URL, if one was given. */
    public static Optional<String> postgresUrl() {
        String url = System.getProperty("jeeves.test.postgres.url", "").strip();
        return url.isEmpty() ? Optional.empty() : Optional.of(url);
    }

    /** True when the functional suite runs on PostgreSQL ({@code -Djeeves.test.fixture-db=postgresql}). */
    public static boolean fixturesOnPostgres() {
        return "postgresql".equals(System.getProperty("jeeves.test.fixture-db", "h2"));
    }

    /** Skips the calling test, saying why, when no PostgreSQL server was given. */
    public static String requirePostgres() {
        Optional<String> url = postgresUrl();
        Assumptions.assumeTrue(
                url.isPresent(),
                "no PostgreSQL given: run .ci/postgres start and pass -Djeeves.test.postgres.url=<the URL it prints>");
        return url.orElseThrow();
    }

    /** A new, empty schema on the test PostgreSQL: the JDBC URL of a database nobody else uses. */
    public static String freshPostgresSchema() {
        String server = requirePostgres();
        String schema = "t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(server);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a schema on " + server, e);
        }
        return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
