package dev.jeeves.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.jeeves.api.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The connection pool and the schema: opening a {@code Database} migrates it to the newest Flyway version, so
 * every store can rely on its tables. Embedded H2 in the data directory unless a JDBC URL says otherwise
 * (PostgreSQL when several Jeeves share one database). {@link #inTransaction} makes several stores' writes, and
 * db-scheduler's, one transaction.
 */
public final class Database implements AutoCloseable {
    /** The pool size when none is configured. */
    public static final int DEFAULT_POOL_SIZE = 10;

    private final HikariDataSource pool;
    private final TransactionalDataSource dataSource;

    private Database(HikariDataSource pool) {
        this.pool = pool;
        this.dataSource = new TransactionalDataSource(pool);
    }

    /** Opens an embedded or credential-less database with the default pool size: what tests use. */
    public static Database open(String jdbcUrl, Path dataDir) {
        return open(jdbcUrl, Optional.empty(), Optional.empty(), DEFAULT_POOL_SIZE, dataDir);
    }

    /**
     * Opens the pool and migrates the schema.
     *
     * @param jdbcUrl where the data lives; an H2 file URL gets its directory created
     * @param user the database user, if the URL does not carry one
     * @param password the user's password (never logged)
     * @param poolSize the most connections this instance holds
     * @param dataDir the data directory (created if missing)
     */
    public static Database open(
            String jdbcUrl, Optional<String> user, Optional<Secret> password, int poolSize, Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StorageException("cannot create the data directory " + dataDir, e);
        }
        HikariConfig config = new HikariConfig();
        // The server closes the database itself after draining work, not H2's own shutdown hook. H2 writes a commit
        // to its file up to half a second later by default: a crash in that time lost events already acknowledged
        // to Slack (CrashRecoveryIT). WRITE_DELAY=0 writes it before the commit returns.
        config.setJdbcUrl(jdbcUrl.startsWith("jdbc:h2:") ? jdbcUrl + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" : jdbcUrl);
        user.ifPresent(config::setUsername);
        password.ifPresent(secret -> config.setPassword(secret.reveal()));
        config.setPoolName("jeeves");
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(5_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException(
                    "cannot open the database " + withoutPassword(jdbcUrl) + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(pool).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool);
    }

    /** The data source the stores share: pooled, and joined to the caller's {@link #inTransaction} if any. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code work} in one transaction: every store (and db-scheduler) called from it on this thread writes
     * through the same connection; committed when it returns, rolled back when it throws.
     */
    public <T> T inTransaction(Supplier<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = dataSource.bound(connection, work::get);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("database transaction failed", e);
        }
    }

    /** True when a connection can be had and answers: the readiness check. */
    public boolean isReachable() {
        try (Connection connection = pool.getConnection()) {
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
        pool.close();
    }

    /** A URL fit for a log line: a {@code password=} parameter in it is masked. */
    static String withoutPassword(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
