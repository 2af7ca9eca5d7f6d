package org.attesta.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The same migrations on PostgreSQL, where the machine has one: set ATTESTA_TEST_POSTGRES_URL
 * (for example jdbc:postgresql://127.0.0.1:5432/attesta_test?user=attesta&password=...) to an
 * empty database. .ci/run starts a local PostgreSQL and sets it.
 */
class PostgresMigrationsTest {
    private static final String URL = System.getenv("ATTESTA_TEST_POSTGRES_URL");

    @Test
    void schemaIsCreatedOnPostgresAndASecondRunAppliesNothing() throws SQLException {
        assumeTrue(URL != null && !URL.isBlank(), "ATTESTA_TEST_POSTGRES_URL is not set");
        DataSource dataSource = new UrlDataSource(URL);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }

        int first = new Migrations(dataSource).apply();
        int second = new Migrations(dataSource).apply();

        assertTrue(first >= 3, "change sets applied on an empty database: " + first);
        assertEquals(0, second);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO municipality (id, code, name, version) VALUES (1, '001', 'Тест', 1)");
            try (ResultSet key = statement.executeQuery("SELECT nextval('participant_seq')")) {
                key.next();
                assertEquals(50, key.getLong(1), "keys are handed out in blocks of 50 ending at NEXT VALUE");
            }
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM participant_count")) {
                rows.next();
                assertEquals(0, rows.getInt(1));
            }
        }
    }

    /** DriverManager behind the DataSource interface Migrations takes. */
    private record UrlDataSource(String url) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
