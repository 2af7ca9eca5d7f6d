package org.attesta.persistence.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * An in-memory Derby database with the real schema, made by the persistence bundle's
 * changelog, for one test; dropped on close. Shared by the providers' tests through this
 * module's test jar, so every test runs on the migrations the distribution runs.
 */
public class MigratedDerby implements AutoCloseable {
    private static final String CHANGELOG = "org/attesta/persistence/db/changelog.xml";
    private static final AtomicInteger NUMBER = new AtomicInteger();

    static {
        // Derby's log goes with the build output, not into the source tree.
        System.setProperty("derby.stream.error.file", "target/derby.log");
    }

    private final String name;
    protected final EmbeddedDataSource dataSource = new EmbeddedDataSource();

    public MigratedDerby(String purpose) throws Exception {
        this.name = "memory:" + purpose + "-" + NUMBER.incrementAndGet();
        dataSource.setDatabaseName(name);
        dataSource.setCreateDatabase("create");
        migrate();
    }

    public EmbeddedDataSource dataSource() {
        return dataSource;
    }

    private void migrate() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            ((DerbyDatabase) database).setShutdownEmbeddedDerby(false);
            Liquibase liquibase = new Liquibase(CHANGELOG,
                    new ClassLoaderResourceAccessor(MigratedDerby.class.getClassLoader()), database);
            try {
                liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
                Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()),
                        () -> liquibase.update(new Contexts(), new LabelExpression()));
            } finally {
                liquibase.close();
            }
        }
    }

    /** @return how many rows changed */
    public int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    public long count(String sql, Object... parameters) throws SQLException {
        List<List<Object>> rows = query(sql, parameters);
        return ((Number) rows.get(0).get(0)).longValue();
    }

    public List<List<Object>> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<List<Object>> result = new ArrayList<>();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(rows.getObject(i));
                    }
                    result.add(row);
                }
                return result;
            }
        }
    }

    /** Drops the in-memory database; Derby reports a successful drop as an SQLException 08006. */
    @Override
    public void close() {
        EmbeddedDataSource drop = new EmbeddedDataSource();
        drop.setDatabaseName(name);
        drop.setConnectionAttributes("drop=true");
        try {
            drop.getConnection().close();
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) {
                throw new IllegalStateException("Could not drop " + name, e);
            }
        }
    }
}
