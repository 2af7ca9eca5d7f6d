package org.attesta.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

/** Migration 006 on a database as the release before it left it: grants by code become grants by place id. */
class GrantsByPlaceIdMigrationTest {

    @Test
    void grantsMadeByCodeAreBoundToThePlaceTheirCodeNamesAndDeadCodesAreDropped() throws SQLException {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:grants-upgrade-test");
        dataSource.setCreateDatabase("create");
        new Migrations(dataSource, "org/attesta/persistence/db/changelog-0.1-005.xml").apply();
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
