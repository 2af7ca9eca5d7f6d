package org.attesta.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void firstRunCreatesTheSchemaAndASecondRunAppliesNothing() throws SQLException {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:migrations-test");
        dataSource.setCreateDatabase("create");

        int first = new Migrations(dataSource).apply();
        int second = new Migrations(dataSource).apply();

        assertTrue(first >= 2, "change sets applied on an empty database: " + first);
        assertEquals(0, second);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM participant")) {
            rows.next();
            assertEquals(0, rows.getInt(1));
        }
    }
}
