package org.attesta.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** Plain JDBC on the Attesta data source: one transaction per unit of work, parameters always bound. */
final class Database {

    /** A unit of work on one connection. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs the work in one transaction. A unique-key clash or a deadlock between nodes doing the
     * same thing at once is retried a few times; other failures are not.
     */
    <T> T inTransaction(Work<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return once(work);
            } catch (IllegalStateException e) {
                if (attempt >= 3 || !(e.getCause() instanceof SQLException sql) || !retryable(sql)) {
                    throw e;
                }
            }
        }
    }

    private static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("23") || state.startsWith("40"));
    }

    private <T> T once(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Database failure (" + e.getSQLState() + ")", e);
        }
    }

    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, java.util.Arrays.asList(parameters))) {
            return statement.executeUpdate();
        }
    }

    static PreparedStatement prepare(Connection connection, String sql, List<?> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value == null) {
                    // Derby wants the parameter's own type for a null.
                    statement.setNull(i + 1, statement.getParameterMetaData().getParameterType(i + 1));
                } else {
                    statement.setObject(i + 1, value instanceof Instant instant ? Timestamp.from(instant) : value);
                }
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    static long nextAccountId(Connection connection) throws SQLException {
        String sql = isPostgres(connection) ? "SELECT nextval('account_seq')" : "VALUES NEXT VALUE FOR account_seq";
        try (PreparedStatement statement = connection.prepareStatement(sql);
                java.sql.ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
