package org.attesta.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

/** The migrations since the first release, on a database as that release left it, with its kind of rows in it. */
class UpgradeFromFirstReleaseTest {

    @Test
    void grantsMadeByCodeAreBoundToThePlaceTheirCodeNamesAndDeadCodesAreDropped() throws SQLException {
        EmbeddedDataSource dataSource = firstRelease("grants-upgrade-test");
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO municipality (id, code, name, version) VALUES (7, '01', 'Заречный район', 0)");
            sql.execute("INSERT INTO school (id, code, name, municipality_id, version)"
                    + " VALUES (70, '01001', 'СОШ № 1', 7, 0)");
            for (int id = 1; id <= 4; id++) {
                sql.execute("INSERT INTO account (id, login, display_name, password_hash, password_change_required,"
                        + " state, created_at, version) VALUES (" + id + ", 'user" + id + "', 'U', 'x', FALSE,"
                        + " 'ACTIVE', CURRENT_TIMESTAMP, 0)");
            }
            sql.execute("INSERT INTO account_role VALUES (1, 'REGION_ADMINISTRATOR', 'REGION', '*', NULL)");
            sql.execute("INSERT INTO account_role VALUES (2, 'MUNICIPAL_SPECIALIST', 'MUNICIPALITY', '01', '01')");
            sql.execute("INSERT INTO account_role VALUES (3, 'SCHOOL_HEAD', 'SCHOOL', '01001', '01')");
            sql.execute("INSERT INTO account_role VALUES (4, 'SCHOOL_HEAD', 'SCHOOL', '09999', '09')");
        }

        new Migrations(dataSource).apply();

        assertEquals(List.of("1 REGION_ADMINISTRATOR REGION 0", "2 MUNICIPAL_SPECIALIST MUNICIPALITY 7",
                "3 SCHOOL_HEAD SCHOOL 70"), grants(dataSource));
    }

    @Test
    void importErrorsStoredInClearLoseTheirTextButKeepLineAndColumn() throws SQLException {
        EmbeddedDataSource dataSource = firstRelease("import-errors-upgrade-test");
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO import_job (id, node, state, media_type, store_valid_rows, sha256, rows_read,"
                    + " bytes_read, total_bytes, submitted) VALUES ('job-1', 'n', 'DONE', 'text/csv', FALSE, 'x', 2, 10,"
                    + " 10, CURRENT_TIMESTAMP)");
            sql.execute("INSERT INTO import_job_error VALUES ('job-1', 1, 7, 'СНИЛС',"
                    + " 'СНИЛС 112-233-445 96: неверная контрольная сумма, ожидается 95')");
        }

        new Migrations(dataSource).apply();

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT line, column_name, message FROM import_job_error")) {
            row.next();
            assertEquals(7, row.getLong(1));
            assertEquals("СНИЛС", row.getString(2));
            assertFalse(row.getString(3).matches(".*\\d.*"), row.getString(3));
        }
    }

    private static EmbeddedDataSource firstRelease(String name) throws SQLException {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + name);
        dataSource.setCreateDatabase("create");
        new Migrations(dataSource, "org/attesta/persistence/db/changelog-0.1-005.xml").apply();
        return dataSource;
    }

    private static List<String> grants(EmbeddedDataSource dataSource) throws SQLException {
        List<String> grants = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT account_id, role, scope_level, scope_id FROM account_grant"
                        + " ORDER BY account_id")) {
            while (rows.next()) {
                grants.add(rows.getLong(1) + " " + rows.getString(2) + " " + rows.getString(3) + " " + rows.getLong(4));
            }
        }
        return grants;
    }
}
