package dev.jeeves.server.storage;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool, seen through the transaction the calling thread runs in: inside {@link Database#inTransaction} every
 * {@code getConnection()} answers that transaction's connection (whose {@code close()} does nothing), outside it a
 * pooled one. That is how a store's insert and db-scheduler's {@code schedule} land in one transaction without
 * either knowing: db-scheduler asks for exactly this ("to have the action be a part of a transaction, it must be
 * taken care of by the DataSource provided"), as Spring's {@code TransactionAwareDataSourceProxy} does.
 */
final class TransactionalDataSource implements DataSource {
    private final DataSource pool;
    // One binding per pool, not one static one: a transaction on one database must not capture another's
    // connections (tests open several databases in one JVM).
    @SuppressWarnings("ThreadLocalUsage")
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    TransactionalDataSource(DataSource pool) {
        this.pool = pool;
    }

    /** Runs {@code work} with {@code connection} as every connection this thread asks for. */
    <T> T bound(Connection connection, SqlWork<T> work) throws SQLException {
        if (current.get() != null) {
            throw new IllegalStateException("transactions do not nest");
        }
        current.set(unclosable(connection));
        try {
            return work.run();
        } finally {
            current.remove();
        }
    }

    /** What runs inside a transaction. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection bound = current.get();
        return bound != null ? bound : pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool has its own credentials");
    }

    private static Connection unclosable(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null; // the transaction's owner closes it
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
