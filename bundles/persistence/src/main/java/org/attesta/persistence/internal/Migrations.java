package org.attesta.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import java.util.Map;
import liquibase.Contexts;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.ui.LoggerUIService;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** The versioned schema of Attesta, applied with Liquibase. */
final class Migrations {
    static final String CHANGELOG = "org/attesta/persistence/db/changelog.xml";

    private final DataSource dataSource;
    private final String changelog;

    Migrations(DataSource dataSource) {
        this(dataSource, CHANGELOG);
    }

    /** With another changelog: tests build a database as an earlier release left it. */
    Migrations(DataSource dataSource, String changelog) {
        this.dataSource = dataSource;
        this.changelog = changelog;
    }

    /**
     * Applies the change sets the database has not seen yet.
     *
     * @return how many change sets were applied
     */
    int apply() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            if (database instanceof DerbyDatabase derby) {
                // Liquibase shuts an embedded Derby down on close; the pool still uses it.
                derby.setShutdownEmbeddedDerby(false);
            }
            // Close the Liquibase object, not the connection through it: closing the connection
            // while Derby still holds the changelog-lock transaction fails.
            Liquibase liquibase = new Liquibase(changelog,
                    new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()), database);
            try {
                int pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
                if (pending > 0) {
                    // Report through the log, not on the console of whoever started the server.
                    liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
                    Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()),
                            () -> liquibase.update(new Contexts(), new LabelExpression()));
                }
                return pending;
            } finally {
                liquibase.close();
            }
        } catch (Exception e) {
            if (e instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("Database schema migration failed: " + e.getMessage(), e);
        }
    }

}
