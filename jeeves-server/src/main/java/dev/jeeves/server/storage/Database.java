package dev.jeeves.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
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
    private final HikariDataSource pool;
    private final TransactionalDataSource dataSource;

    private Database(HikariDataSource pool) {
        this.pool = pool;
        this.dataSource = new TransactionalDataSource(pool);
    }

    /**
     * Opens the pool and migrates the schema: the one way to open a database, so the server, the tests and any tool
     * get the same user, password and pool size the settings carry.
     */
    public static Database open(DatabaseSettings settings) {
        String jdbcUrl = settings.jdbcUrl();
        DataDirectory dataDir = DataDirectory.prepare(settings.dataDir());
        HikariConfig config = new HikariConfig();
        // The server closes the database itself after draining work, not H2's own shutdown hook. H2 writes a commit
        // to its file up to half a second later by default: a crash in that time lost events already acknowledged
        // to Slack (CrashRecoveryIT). WRITE_DELAY=0 writes it before the commit returns.
        config.setJdbcUrl(jdbcUrl.startsWith("jdbc:h2:") ? jdbcUrl + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" : jdbcUrl);
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(secret -> config.setPassword(secret.reveal()));
        config.setPoolName("jeeves");
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
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
        // H2 creates its files with the process's umask; they hold the signing keys and the admin client.
        dataDir.restrictFilesCreatedSinceOpening();
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

    /**
     * A URL fit for a log line or an error: a {@code password=} parameter and the password of a {@code
     * //user:password@host} part (libpq's style, which operators paste) are masked.
     */
    public static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/:@?#]*:)[^/@?#]*@", "$1***@");
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
