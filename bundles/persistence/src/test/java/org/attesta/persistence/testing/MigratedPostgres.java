package org.attesta.persistence.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL database named by ATTESTA_TEST_POSTGRES_URL, emptied and given the real
 * schema by the persistence bundle's changelog, for the providers' tests that must also hold
 * on PostgreSQL. Only for a database kept for tests: its public schema is dropped.
 */
public final class MigratedPostgres {
    private static final String CHANGELOG = "org/attesta/persistence/db/changelog.xml";
    private static final String URL = System.getenv("ATTESTA_TEST_POSTGRES_URL");

    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    private MigratedPostgres() {
        dataSource.setURL(URL);
    }

    /** Whether the environment names a test database. */
    public static boolean available() {
        return URL != null && !URL.isBlank();
    }

    /** Drops everything in the test database and migrates it from scratch. */
    public static MigratedPostgres fresh() throws Exception {
        MigratedPostgres postgres = new MigratedPostgres();
        try (Connection connection = postgres.dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }
        postgres.migrate();
        return postgres;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    private void migrate() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(CHANGELOG,
                    new ClassLoaderResourceAccessor(MigratedPostgres.class.getClassLoader()), database);
            try {
                liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
                Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()),
                        () -> liquibase.update(new Contexts(), new LabelExpression()));
            } finally {
                liquibase.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not migrate the PostgreSQL test database", e);
        }
    }
}
