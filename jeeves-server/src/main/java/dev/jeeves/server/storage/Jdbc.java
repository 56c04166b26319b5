package dev.jeeves.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The few JDBC moves the stores make, each with its connection closed and its {@link SQLException} turned into
 * a {@link StorageException}. Plain SQL keeps the stores portable between H2 and PostgreSQL.
 */
final class Jdbc {
    /** Reads one row into a value. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("database update failed: " + firstWords(sql), e);
        }
    }

    /**
     * Inserts a row; false when a row with that key already exists (the caller decides what that means). Inside a
     * transaction the insert has a savepoint of its own: PostgreSQL aborts a whole transaction at a failed statement,
     * and the caller's next statement would fail with it.
     */
    boolean insertUnlessPresent(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            Savepoint before = connection.getAutoCommit() ? null : connection.setSavepoint();
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                statement.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (isDuplicateKey(e)) {
                    if (before != null) {
                        connection.rollback(before);
                    }
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("database insert failed: " + firstWords(sql), e);
        }
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new StorageException("database query failed: " + firstWords(sql), e);
        }
    }

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... parameters) {
        return query(sql, mapper, parameters).stream().findFirst();
    }

    /** True when the query finds a row; also how a {@code SELECT ... FOR UPDATE} takes its locks. */
    boolean exists(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            return rows.next();
        } catch (SQLException e) {
            throw new StorageException("database query failed: " + firstWords(sql), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    /** SQLSTATE class 23 is "integrity constraint violation" in every database we target. */
    private static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private static String firstWords(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() > 40 ? flat.substring(0, 40) + "..." : flat;
    }
}
