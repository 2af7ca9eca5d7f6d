package org.attesta.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.attesta.persistence.testing.MigratedDerby;

/** The migrated test database, with stored entries read and written as the log stores them. */
final class AuditDatabase extends MigratedDerby {

    AuditDatabase() throws Exception {
        super("audit-test");
    }

    StoredEntry entry(long sequence) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT " + StoredEntry.COLUMNS + " FROM audit_entry WHERE sequence_no = ?")) {
            statement.setLong(1, sequence);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new AssertionError("no audit entry " + sequence);
                }
                return StoredEntry.read(row);
            }
        }
    }

    /** Writes a row directly, as someone with database access could. */
    void insert(StoredEntry entry) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(StoredEntry.INSERT)) {
            entry.bind(statement);
            statement.executeUpdate();
        }
    }

    /** Drops the in-memory database; Derby reports a successful drop as an SQLException 08006. */
}
