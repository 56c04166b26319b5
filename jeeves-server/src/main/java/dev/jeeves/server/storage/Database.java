package dev.jeeves.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The connection pool and the schema: opening a {@code Database} migrates it to the newest Flyway version, so
 * every store can rely on its tables. Embedded H2 in the data directory unless a JDBC URL says otherwise.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Opens the pool and migrates the schema.
     *
     * @param jdbcUrl where the data lives; an H2 file URL gets its directory created
     * @param dataDir the data directory (created if missing)
     */
    public static Database open(String jdbcUrl, Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StorageException("cannot create the data directory " + dataDir, e);
        }
        HikariConfig config = new HikariConfig();
        // The server closes the database itself after draining work, not H2's own shutdown hook.
        config.setJdbcUrl(jdbcUrl.startsWith("jdbc:h2:") ? jdbcUrl + ";DB_CLOSE_ON_EXIT=FALSE" : jdbcUrl);
        config.setPoolName("jeeves");
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(5_000);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException("cannot open the database " + jdbcUrl + ": " + rootMessage(e), e);
        }
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new Database(dataSource);
    }

    /** The pooled data source the stores share. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** True when a connection can be had and answers: the readiness check. */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The product name of the database, e.g. {@code H2}, for status pages. */
    public String productName() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new StorageException("database unavailable", e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
